package io.github.codeartifact.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

import io.github.codeartifact.token.TokenRefreshSettings;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the CodeArtifact token provider. They are checked as soon as they are
 * bound, before any AWS call: a bad value stops startup with an
 * {@link InvalidCodeArtifactPropertyException} that names the property, the value and the rule.
 */
@ConfigurationProperties(CodeArtifactProperties.PREFIX)
public class CodeArtifactProperties implements InitializingBean {

	/** Prefix of the properties. */
	public static final String PREFIX = "codeartifact";

	/** Default token lifetime asked for: twelve hours, the longest CodeArtifact allows. */
	public static final Duration DEFAULT_DURATION = Duration.ofHours(12);

	static final Duration MIN_DURATION = Duration.ofMinutes(15);

	static final Duration MAX_DURATION = Duration.ofHours(12);

	/** What {@code codeartifact.duration} must be, for the range check and the binder's conversion. */
	static final String DURATION_RULE = "must be 0 (expire with the role credentials) or between 15m and 12h "
			+ "(900 to 43200 seconds) in whole seconds";

	/** Values of {@code codeartifact.duration} that work. */
	static final String DURATION_EXAMPLE = "12h, 1h or 0";

	/** What {@code codeartifact.endpoint} must be, for the check and the binder's conversion. */
	static final String ENDPOINT_RULE = "must be an absolute http or https URI with a host";

	/** A value of {@code codeartifact.endpoint} that works. */
	static final String ENDPOINT_EXAMPLE = "https://codeartifact.us-east-1.amazonaws.com";

	/**
	 * The shape of a region name: two letters, an optional partition word, a direction, a number
	 * ({@code us-east-1}, {@code eu-central-2}, {@code us-gov-west-1}, {@code cn-north-1}).
	 */
	private static final Pattern REGION_PATTERN = Pattern
		.compile("[a-z]{2}(-[a-z]+)?-(north|south|east|west|central|northeast|northwest|southeast|southwest)-\\d{1,2}");

	private static final Pattern DOMAIN_PATTERN = Pattern.compile("[a-z][a-z0-9-]{0,48}[a-z0-9]");

	private static final Pattern OWNER_PATTERN = Pattern.compile("\\d{12}");

	/**
	 * Whether to keep a CodeArtifact authorization token fresh in the application.
	 */
	private boolean enabled = true;

	/**
	 * Name of the CodeArtifact domain to get tokens for. Required when the provider is enabled.
	 */
	private @Nullable String domain;

	/**
	 * AWS account ID (12 digits) that owns the domain. Defaults to the account of the caller's
	 * credentials.
	 */
	private @Nullable String owner;

	/**
	 * Lifetime asked for each token: 0, or between 15m and 12h in whole seconds. 0 makes tokens
	 * expire with the role credentials that fetched them.
	 */
	private Duration duration = DEFAULT_DURATION;

	/**
	 * AWS region of the domain. Defaults to the application's AwsRegionProvider bean, else to the
	 * AWS SDK's default region chain (AWS_REGION, the aws.region system property, the profile).
	 */
	private @Nullable String region;

	/**
	 * Endpoint of the CodeArtifact API, to override the region's default: a VPC endpoint or a local
	 * emulator. Absolute http or https URI.
	 */
	private @Nullable URI endpoint;

	/**
	 * Whether startup waits for the first token and fails when none can be had. When false, the
	 * application starts at once and keeps trying in the background.
	 */
	private boolean failFast = true;

	private final Refresh refresh = new Refresh();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getDomain() {
		return this.domain;
	}

	public void setDomain(@Nullable String domain) {
		this.domain = domain;
	}

	public @Nullable String getOwner() {
		return this.owner;
	}

	public void setOwner(@Nullable String owner) {
		this.owner = owner;
	}

	public Duration getDuration() {
		return this.duration;
	}

	public void setDuration(Duration duration) {
		this.duration = duration;
	}

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	public @Nullable URI getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(@Nullable URI endpoint) {
		this.endpoint = endpoint;
	}

	public boolean isFailFast() {
		return this.failFast;
	}

	public void setFailFast(boolean failFast) {
		this.failFast = failFast;
	}

	public Refresh getRefresh() {
		return this.refresh;
	}

	/**
	 * Returns the domain, once the properties are valid.
	 * @return the domain
	 * @throws InvalidCodeArtifactPropertyException when no domain is set
	 */
	public String requireDomain() {
		String domain = this.domain;
		if (domain == null || domain.isEmpty()) {
			throw InvalidCodeArtifactPropertyException.missingDomain();
		}
		return domain;
	}

	/**
	 * Returns the settings of the refresh engine from {@code codeartifact.refresh.*}.
	 * @return the settings
	 */
	public TokenRefreshSettings toSettings() {
		Refresh r = this.refresh;
		return new TokenRefreshSettings(r.getStaleMargin(), r.getMaxWait(), r.getInitialBackoff(), r.getMaxBackoff(),
				r.getMultiplier(), r.getNonRetryableBackoff(), r.getStartupTimeout(), r.getMinForcedInterval());
	}

	@Override
	public void afterPropertiesSet() {
		validate();
	}

	/**
	 * Checks every property. Does nothing when the provider is disabled.
	 * @throws InvalidCodeArtifactPropertyException naming the first property that breaks its rule
	 */
	public void validate() {
		if (!this.enabled) {
			return;
		}
		validateDomain();
		validateOwner();
		validateDuration();
		validateRegion();
		validateEndpoint();
		this.refresh.validate();
	}

	private void validateDomain() {
		String domain = requireDomain();
		if (domain.length() < 2 || domain.length() > 50 || !DOMAIN_PATTERN.matcher(domain).matches()) {
			throw new InvalidCodeArtifactPropertyException(PREFIX + ".domain", domain,
					"must be 2 to 50 characters: lowercase letters, digits and hyphens, starting with a letter "
							+ "and ending with a letter or digit ([a-z][a-z0-9-]{0,48}[a-z0-9])",
					"Set " + PREFIX + ".domain to the name of your CodeArtifact domain, as shown by "
							+ "'aws codeartifact list-domains'.");
		}
	}

	private void validateOwner() {
		String owner = this.owner;
		if (owner != null && !OWNER_PATTERN.matcher(owner).matches()) {
			throw new InvalidCodeArtifactPropertyException(PREFIX + ".owner", owner,
					"must be exactly 12 digits: the AWS account ID that owns the domain",
					"Set " + PREFIX + ".owner to the 12-digit account ID that owns the domain, "
							+ "or remove it to use the account of the application's credentials.");
		}
	}

	private void validateDuration() {
		Duration duration = this.duration;
		boolean valid = duration != null && (duration.isZero() || (duration.getNano() == 0
				&& duration.compareTo(MIN_DURATION) >= 0 && duration.compareTo(MAX_DURATION) <= 0));
		if (!valid) {
			throw new InvalidCodeArtifactPropertyException(PREFIX + ".duration", duration, DURATION_RULE,
					"Set " + PREFIX + ".duration to a value such as " + DURATION_EXAMPLE + ".");
		}
	}

	private void validateRegion() {
		String region = this.region;
		if (region != null && !isKnownRegion(region) && !REGION_PATTERN.matcher(region).matches()) {
			throw new InvalidCodeArtifactPropertyException(PREFIX + ".region", region,
					"must be a region the AWS SDK knows or shaped like one: two letters, an optional partition "
							+ "word, a direction and a number (us-east-1, eu-central-2, us-gov-west-1, cn-north-1)",
					"Set " + PREFIX + ".region to the region of the domain, such as us-east-1, "
							+ "or remove it to use the AWS SDK's default region.");
		}
	}

	/**
	 * Returns whether the AWS SDK knows a region; a well-shaped name it does not know may be a region
	 * newer than the SDK.
	 * @param region the region name
	 * @return whether it is one of the SDK's regions
	 */
	static boolean isKnownRegion(String region) {
		return Region.regions().stream().anyMatch((known) -> known.id().equals(region));
	}

	private void validateEndpoint() {
		URI endpoint = this.endpoint;
		if (endpoint == null) {
			return;
		}
		String scheme = endpoint.getScheme();
		boolean valid = endpoint.isAbsolute() && !endpoint.isOpaque()
				&& ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && endpoint.getHost() != null;
		if (!valid) {
			throw new InvalidCodeArtifactPropertyException(PREFIX + ".endpoint", endpoint, ENDPOINT_RULE,
					"Set " + PREFIX + ".endpoint to a URI such as " + ENDPOINT_EXAMPLE
							+ ", or remove it to use the region's default endpoint.");
		}
	}

	/**
	 * Timing of the refresh engine ({@code codeartifact.refresh.*}).
	 */
	public static class Refresh {

		private static final String REFRESH = PREFIX + ".refresh.";

		/**
		 * How long before its expiration a token stops being handed out and is replaced. Never more
		 * than a quarter of the token's lifetime.
		 */
		private Duration staleMargin = TokenRefreshSettings.DEFAULT_STALE_MARGIN;

		/**
		 * How long a caller that finds no fresh token waits for the refresh in flight.
		 */
		private Duration maxWait = TokenRefreshSettings.DEFAULT_MAX_WAIT;

		/**
		 * First delay after a retryable failure (throttling, a server or network error).
		 */
		private Duration initialBackoff = TokenRefreshSettings.DEFAULT_INITIAL_BACKOFF;

		/**
		 * Longest delay between retries of retryable failures.
		 */
		private Duration maxBackoff = TokenRefreshSettings.DEFAULT_MAX_BACKOFF;

		/**
		 * Growth of the delay from one retryable failure to the next. At least 1.
		 */
		private double multiplier = TokenRefreshSettings.DEFAULT_MULTIPLIER;

		/**
		 * Delay after a failure that needs a fix, such as access denied or an unknown domain.
		 */
		private Duration nonRetryableBackoff = TokenRefreshSettings.DEFAULT_NON_RETRYABLE_BACKOFF;

		/**
		 * How long retryable failures are retried for the first token at startup.
		 */
		private Duration startupTimeout = TokenRefreshSettings.DEFAULT_STARTUP_TIMEOUT;

		/**
		 * Shortest time between two GetAuthorizationToken calls forced by refresh() (an HTTP 401
		 * retry, the actuator's refresh, a direct call). Callers within it get the token of the
		 * previous forced call.
		 */
		private Duration minForcedInterval = TokenRefreshSettings.DEFAULT_MIN_FORCED_INTERVAL;

		public Duration getStaleMargin() {
			return this.staleMargin;
		}

		public void setStaleMargin(Duration staleMargin) {
			this.staleMargin = staleMargin;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getNonRetryableBackoff() {
			return this.nonRetryableBackoff;
		}

		public void setNonRetryableBackoff(Duration nonRetryableBackoff) {
			this.nonRetryableBackoff = nonRetryableBackoff;
		}

		public Duration getStartupTimeout() {
			return this.startupTimeout;
		}

		public void setStartupTimeout(Duration startupTimeout) {
			this.startupTimeout = startupTimeout;
		}

		public Duration getMinForcedInterval() {
			return this.minForcedInterval;
		}

		public void setMinForcedInterval(Duration minForcedInterval) {
			this.minForcedInterval = minForcedInterval;
		}

		void validate() {
			requirePositive("stale-margin", this.staleMargin);
			requirePositive("max-wait", this.maxWait);
			requirePositive("initial-backoff", this.initialBackoff);
			requirePositive("max-backoff", this.maxBackoff);
			if (this.maxBackoff.compareTo(this.initialBackoff) < 0) {
				throw new InvalidCodeArtifactPropertyException(REFRESH + "max-backoff", this.maxBackoff,
						"must not be shorter than " + REFRESH + "initial-backoff (" + this.initialBackoff + ")",
						"Set " + REFRESH + "max-backoff to at least " + REFRESH + "initial-backoff.");
			}
			if (!Double.isFinite(this.multiplier) || this.multiplier < 1.0) {
				throw new InvalidCodeArtifactPropertyException(REFRESH + "multiplier", this.multiplier,
						"must be a finite number of at least 1",
						"Set " + REFRESH + "multiplier to a value such as 2.0 (1 keeps the delay constant).");
			}
			requirePositive("non-retryable-backoff", this.nonRetryableBackoff);
			requirePositive("startup-timeout", this.startupTimeout);
			requirePositive("min-forced-interval", this.minForcedInterval);
		}

		private static void requirePositive(String name, @Nullable Duration value) {
			InvalidCodeArtifactPropertyException.requirePositive(REFRESH + name, value);
		}

	}

}
