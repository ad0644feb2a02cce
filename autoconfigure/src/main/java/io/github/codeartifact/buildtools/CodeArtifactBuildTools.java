package io.github.codeartifact.buildtools;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.codeartifact.repository.CodeArtifactRepositoryEndpoints;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * Opens a {@link BuildToolSession} per build-tool process: Maven, Gradle, npm, pip and twine read
 * their credentials once, when they start, so each run needs a token that outlives it.
 * <p>
 * A session's token stays valid for the expected run plus the stale margin. When the token in
 * service expires sooner, a new one is fetched first with
 * {@link CodeArtifactTokenProvider#getAuthorizationToken(Instant)}: with the default provider, one
 * call through its single flight for all the sessions that open at once, not counted as a forced
 * refresh, and at most one per minimum forced interval. When even the new token expires too soon,
 * CodeArtifact issues none that lives long enough, and {@link #open(Duration)} fails.
 */
public class CodeArtifactBuildTools {

	private final CodeArtifactTokenProvider tokenProvider;

	private final @Nullable CodeArtifactRepositoryEndpoints endpoints;

	private final List<BuildToolRepository> repositories;

	private final Duration staleMargin;

	private final String domain;

	private final Clock clock;

	private final AtomicLong openedSessions = new AtomicLong();

	private final AtomicLong closedSessions = new AtomicLong();

	private final Map<String, URI> resolvedEndpoints = new ConcurrentHashMap<>();

	/**
	 * Creates the build tools.
	 * @param tokenProvider the token provider
	 * @param endpoints resolves the repositories' endpoints; {@code null} only without repositories
	 * @param repositories the repositories a session configures
	 * @param staleMargin how long before its expiration a token stops being handed out
	 * @param domain the domain, for messages
	 * @param clock the clock that token expirations are compared with
	 */
	public CodeArtifactBuildTools(CodeArtifactTokenProvider tokenProvider,
			@Nullable CodeArtifactRepositoryEndpoints endpoints, List<BuildToolRepository> repositories,
			Duration staleMargin, String domain, Clock clock) {
		this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider must not be null");
		this.repositories = List.copyOf(repositories);
		if (endpoints == null && !this.repositories.isEmpty()) {
			throw new IllegalArgumentException("Repositories are configured but no CodeArtifactRepositoryEndpoints "
					+ "resolves their endpoints");
		}
		this.endpoints = endpoints;
		this.staleMargin = Objects.requireNonNull(staleMargin, "staleMargin must not be null");
		this.domain = Objects.requireNonNull(domain, "domain must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	/**
	 * Returns the configured repositories.
	 * @return the repositories, in the order configured
	 */
	public List<BuildToolRepository> repositories() {
		return this.repositories;
	}

	/**
	 * Opens a session for one process that runs for about {@code expectedRun}.
	 * @param expectedRun how long the process is expected to run
	 * @return the session, to close when the process has ended
	 * @throws CodeArtifactTokenException when no token valid for that long can be had
	 * @throws io.github.codeartifact.repository.CodeArtifactRepositoryEndpointException when an
	 * endpoint cannot be resolved
	 */
	public BuildToolSession open(Duration expectedRun) {
		Objects.requireNonNull(expectedRun, "expectedRun must not be null");
		if (expectedRun.isNegative()) {
			throw new IllegalArgumentException("expectedRun must not be negative, not " + expectedRun);
		}
		AuthorizationToken token = tokenFor(expectedRun);
		BuildToolSession session = write(token, resolvedRepositories());
		this.openedSessions.incrementAndGet();
		return session;
	}

	/**
	 * Returns how many sessions were opened so far.
	 * @return the count since the application started
	 */
	public long openedSessions() {
		return this.openedSessions.get();
	}

	/**
	 * Returns how many sessions are open: opened and not closed yet.
	 * @return the count
	 */
	public long openSessions() {
		return this.openedSessions.get() - this.closedSessions.get();
	}

	/** Returns the repositories with their endpoints, each resolved once. */
	List<ResolvedRepository> resolvedRepositories() {
		List<ResolvedRepository> resolved = this.repositories.stream()
			.map((repository) -> new ResolvedRepository(repository,
					Objects.requireNonNull(this.endpoints).endpoint(repository.repository(), repository.format())))
			.toList();
		resolved.forEach((repository) -> this.resolvedEndpoints.put(repository.repository().id(), repository.endpoint()));
		return resolved;
	}

	/**
	 * Returns a repository's endpoint if a session or the login files have resolved it, without
	 * calling CodeArtifact: for the actuator, which a caller must not be able to turn into calls.
	 */
	@Nullable URI resolvedEndpoint(String id) {
		return this.resolvedEndpoints.get(id);
	}

	private AuthorizationToken tokenFor(Duration expectedRun) {
		Instant needed = this.clock.instant().plus(expectedRun).plus(this.staleMargin);
		AuthorizationToken token = this.tokenProvider.getAuthorizationToken(needed);
		if (token.expiration().isBefore(needed)) {
			throw new CodeArtifactTokenException("No CodeArtifact token lives long enough for a build-tool session of "
					+ expectedRun + ": it needs one valid until " + needed + " (the run plus the stale margin of "
					+ this.staleMargin + "), and the newest token expires at " + token.expiration()
					+ ". Open the session for a shorter run, raise codeartifact.duration, or, with duration 0, "
					+ "use credentials whose role session lasts longer.", null, this.domain, false, null);
		}
		return token;
	}

	private BuildToolSession write(AuthorizationToken token, List<ResolvedRepository> resolved) {
		String secret = token.token();
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put(BuildToolSession.CODEARTIFACT_AUTH_TOKEN, secret);
		environment.put(BuildToolSession.CODEARTIFACT_TOKEN, secret);
		environment.put(BuildToolSession.GRADLE_TOKEN, secret);
		PrivateDirectory directory = PrivateDirectory.create();
		Path npmrc = null;
		Path pipConf = null;
		Path settings = null;
		if (!BuildToolConfigFiles.of(resolved, PackageFormat.NPM).isEmpty()) {
			npmrc = directory.write("npmrc", BuildToolConfigFiles.npmrc(resolved, secret));
			environment.put(BuildToolSession.NPM_USERCONFIG, npmrc.toString());
		}
		List<ResolvedRepository> pypi = BuildToolConfigFiles.of(resolved, PackageFormat.PYPI);
		if (!pypi.isEmpty()) {
			pipConf = directory.write("pip.conf", BuildToolConfigFiles.pipConf(resolved, secret));
			environment.put(BuildToolSession.PIP_CONFIG_FILE, pipConf.toString());
			environment.put("TWINE_REPOSITORY_URL", pypi.get(0).endpoint().toString());
			environment.put("TWINE_USERNAME", BuildToolConfigFiles.USER);
			environment.put("TWINE_PASSWORD", secret);
		}
		if (!BuildToolConfigFiles.of(resolved, PackageFormat.MAVEN).isEmpty()) {
			settings = directory.write("settings.xml", BuildToolConfigFiles.mavenSettings(resolved, secret));
		}
		return new BuildToolSession(directory, environment, token.expiration(), npmrc, pipConf, settings,
				this.closedSessions::incrementAndGet);
	}

}
