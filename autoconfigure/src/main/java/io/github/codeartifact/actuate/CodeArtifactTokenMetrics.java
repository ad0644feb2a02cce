package io.github.codeartifact.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.TokenRefreshListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Records the token refresh as Micrometer meters, each tagged with the {@code domain}:
 * <ul>
 * <li>{@value #REMAINING} (gauge, seconds): time until the current token expires; {@code 0} when
 * there is none or it has expired.</li>
 * <li>{@value #AGE} (gauge, seconds): time since the current token was issued; {@code NaN} before
 * the first token.</li>
 * <li>{@value #REFRESH} (timer): each call to CodeArtifact for a token, tagged {@code outcome}
 * ({@code success} or {@code failure}) and {@code error} (the AWS error code such as
 * {@code AccessDeniedException}, {@value #NO_ERROR} on success, {@value #UNKNOWN_ERROR} for a
 * failure that did not come from the service, such as an I/O error or a timeout).</li>
 * </ul>
 * A Micrometer {@link MeterBinder}: Spring Boot registers the meters in each of its registries. It
 * learns of each token as a {@link TokenRefreshListener}, so it holds no reference to the provider
 * and never to the token value: only its expiration and issue time. No tag ever holds the token.
 */
public class CodeArtifactTokenMetrics implements TokenRefreshListener, MeterBinder {

	/** Name of the gauge of seconds until the current token expires. */
	public static final String REMAINING = "codeartifact.token.remaining";

	/** Name of the gauge of seconds since the current token was issued. */
	public static final String AGE = "codeartifact.token.age";

	/** Name of the timer of calls for a token. */
	public static final String REFRESH = "codeartifact.token.refresh";

	/** The {@code error} tag of a successful call. */
	public static final String NO_ERROR = "none";

	/** The {@code error} tag of a failure without an AWS error code. */
	public static final String UNKNOWN_ERROR = "unknown";

	private final Tags tags;

	private final Clock clock;

	/** Where the meters are registered: one registry, or each of several that Boot binds separately. */
	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	private volatile @Nullable Lifetime current;

	/**
	 * Creates the meters of a domain; they are registered once {@link #bindTo(MeterRegistry) bound}.
	 * @param domain the domain, the {@code domain} tag of every meter
	 */
	public CodeArtifactTokenMetrics(String domain) {
		this(domain, Clock.systemUTC());
	}

	CodeArtifactTokenMetrics(String domain, Clock clock) {
		this.tags = Tags.of("domain", domain);
		this.clock = clock;
	}

	/**
	 * Registers the gauges; the timer is registered with its first call.
	 * @param registry the registry
	 */
	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(REMAINING, this, CodeArtifactTokenMetrics::remainingSeconds)
			.description("Seconds until the current CodeArtifact authorization token expires, 0 when there is none")
			.baseUnit("seconds")
			.tags(this.tags)
			.strongReference(true)
			.register(registry);
		Gauge.builder(AGE, this, CodeArtifactTokenMetrics::ageSeconds)
			.description("Seconds since the current CodeArtifact authorization token was issued")
			.baseUnit("seconds")
			.tags(this.tags)
			.strongReference(true)
			.register(registry);
		this.registries.add(registry);
	}

	@Override
	public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
		this.current = new Lifetime(token.issuedAt(), token.expiration());
		record(LastRefresh.SUCCESS, NO_ERROR, elapsedNanos);
	}

	@Override
	public void onRefreshFailed(CodeArtifactTokenException failure, long elapsedNanos, Instant nextAttempt) {
		String errorCode = failure.getErrorCode();
		record(LastRefresh.FAILURE, (errorCode != null && !errorCode.isBlank()) ? errorCode : UNKNOWN_ERROR,
				elapsedNanos);
	}

	private void record(String outcome, String error, long elapsedNanos) {
		Timer.Builder timer = Timer.builder(REFRESH)
			.description("Calls to CodeArtifact for an authorization token")
			.tags(this.tags)
			.tag("outcome", outcome)
			.tag("error", error);
		for (MeterRegistry registry : this.registries) {
			timer.register(registry).record(Math.max(0, elapsedNanos), TimeUnit.NANOSECONDS);
		}
	}

	double remainingSeconds() {
		Lifetime lifetime = this.current;
		if (lifetime == null) {
			return 0;
		}
		return Math.max(0, seconds(Duration.between(this.clock.instant(), lifetime.expiration())));
	}

	double ageSeconds() {
		Lifetime lifetime = this.current;
		if (lifetime == null) {
			return Double.NaN;
		}
		return Math.max(0, seconds(Duration.between(lifetime.issuedAt(), this.clock.instant())));
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	private record Lifetime(Instant issuedAt, Instant expiration) {
	}

}
