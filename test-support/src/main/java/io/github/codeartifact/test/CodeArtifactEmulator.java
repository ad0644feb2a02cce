package io.github.codeartifact.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * A local AWS CodeArtifact that speaks the real wire protocol: the rest-json operations
 * {@code GetAuthorizationToken} and {@code GetRepositoryEndpoint} with SigV4
 * verification, the service model's validation and errors, and token-gated repositories
 * behind the returned endpoints that the real tools use: Maven (checksums, PUT to publish,
 * SNAPSHOTs, {@code maven-metadata.xml} kept up to date), npm (package documents, tarballs,
 * {@code npm publish}, dist-tags) and PyPI (the PEP 503/691 simple index and
 * {@code twine upload}), seeded with {@link #seedMavenPackage}, {@link #seedNpmPackage} and
 * {@link #seedPythonPackage}.
 * <p>
 * Every time decision (token issue and expiry, call recording, the {@code Date} header of
 * each answer) uses the configured {@link Clock}, so a test can share a {@link MutableClock}
 * with the code under test, or give the emulator a clock skewed against the client's (such
 * as {@link Clock#offset(Clock, Duration)}).
 * Only injected {@link EmulatorFault#latency(Duration) latency} and {@link EmulatorFault#drip(Duration)
 * drips} take real time.
 *
 * <pre class="code">
 * try (CodeArtifactEmulator emulator = CodeArtifactEmulator.builder()
 *         .domain("my-domain", "111122223333")
 *         .repository("my-domain", "my-repo")
 *         .build()) {
 *     // point a CodeartifactClient at emulator.endpoint() with credentials test/test
 * }
 * </pre>
 */
public final class CodeArtifactEmulator implements AutoCloseable {

	/**
	 * The SigV4 signing name of CodeArtifact.
	 */
	public static final String SIGNING_NAME = "codeartifact";

	/**
	 * The domain that the one-line test support (the JUnit extension, the Spring test
	 * annotation and initializer) creates unless told otherwise.
	 */
	public static final String DEFAULT_DOMAIN = "my-domain";

	/**
	 * The owner account of {@link #DEFAULT_DOMAIN}.
	 */
	public static final String DEFAULT_OWNER = "111122223333";

	/**
	 * The repository that the one-line test support creates in its domain unless told otherwise.
	 */
	public static final String DEFAULT_REPOSITORY = "my-repo";

	/**
	 * The access key id accepted when no key pair is added.
	 */
	public static final String TEST_ACCESS_KEY_ID = "test";

	/**
	 * The secret access key accepted when no key pair is added.
	 */
	public static final String TEST_SECRET_ACCESS_KEY = "test";

	private final LocalHttpServer server;

	private final URI endpoint;

	private final String region;

	private final Clock clock;

	private final Inventory inventory;

	private final FaultQueue faults = new FaultQueue();

	private final CallRecorder recorder;

	private final TokenRegistry tokens;

	private final PackageStore store = new PackageStore();

	private final TokenPolicy tokenPolicy;

	private final RepositoryEndpoints repositoryEndpoints;

	private final NpmEndpoint npm;

	private final PypiEndpoint pypi;

	private final CountDownLatch closed = new CountDownLatch(1);

	private final List<PackageRequestGate> gates = new CopyOnWriteArrayList<>();

	private CodeArtifactEmulator(Builder builder) throws IOException {
		this.region = builder.region;
		this.clock = builder.clock;
		this.recorder = new CallRecorder(builder.maxRecordedCalls);
		this.tokens = new TokenRegistry(this.clock);
		this.inventory = new Inventory(builder.owners, builder.repositories);
		this.tokenPolicy = new TokenPolicy(builder.roleCredentialExpiry);
		Map<String, String> keyPairs = builder.keyPairs.isEmpty() ? Map.of(TEST_ACCESS_KEY_ID, TEST_SECRET_ACCESS_KEY)
				: builder.keyPairs;
		SigV4Verifier verifier = new SigV4Verifier(keyPairs, this.region, SIGNING_NAME);
		RequestRouter[] router = new RequestRouter[1];
		this.server = new LocalHttpServer(builder.port, this.clock, HttpLimits.withReadTimeout(builder.readTimeout), (request) -> router[0].handle(request));
		this.endpoint = URI.create("http://" + this.server.host() + ":" + this.server.port());
		this.repositoryEndpoints = new RepositoryEndpoints(this.endpoint);
		ApiOperations api = new ApiOperations(verifier, this.faults, this.inventory, this.tokens, this.tokenPolicy,
				this.clock, this.repositoryEndpoints, this.closed);
		this.npm = new NpmEndpoint(this.store, this.repositoryEndpoints, this.clock);
		this.pypi = new PypiEndpoint(this.store);
		Map<String, FormatEndpoint> endpoints = Map.of("maven", new MavenEndpoint(this.store, this.clock), "npm",
				this.npm, "pypi", this.pypi);
		PackageRepository repository = new PackageRepository(this.inventory, endpoints,
				new SeededFileEndpoint(this.store), this.tokens, this.clock);
		router[0] = new RequestRouter(api, repository, this.recorder, this.clock, this.gates);
	}

	/**
	 * Starts configuring an emulator.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the base URI to use as the client's endpoint override.
	 * @return {@code http://127.0.0.1:PORT}
	 */
	public URI endpoint() {
		return this.endpoint;
	}

	/**
	 * Returns the port the emulator listens on.
	 * @return the port
	 */
	public int port() {
		return this.endpoint.getPort();
	}

	/**
	 * Returns how many client connections are open, for tests of the emulator's own faults.
	 * @return the count
	 */
	int openConnections() {
		return this.server.openConnections();
	}

	/**
	 * Returns the region that requests must be signed for.
	 * @return the region
	 */
	public String region() {
		return this.region;
	}

	/**
	 * Returns the clock the emulator decides time with.
	 * @return the clock
	 */
	public Clock clock() {
		return this.clock;
	}

	/**
	 * Returns the endpoint that {@code GetRepositoryEndpoint} answers for a repository.
	 * @param domain the domain
	 * @param repository the repository
	 * @param format the package format, such as {@code maven}
	 * @return the endpoint URI, ending with a slash
	 */
	public URI repositoryEndpoint(String domain, String repository, String format) {
		this.inventory.requireRepository(domain, repository);
		return this.repositoryEndpoints.endpoint(domain, this.inventory.requireOwner(domain), format, repository);
	}

	/**
	 * Makes every token issued from now on live exactly this long, whatever
	 * {@code duration} asks for.
	 * @param lifetime the forced lifetime, or {@code null} to stop forcing
	 */
	public void forceTokenLifetime(@Nullable Duration lifetime) {
		this.tokenPolicy.forceLifetime(lifetime);
	}

	/**
	 * Stops forcing a token lifetime.
	 */
	public void clearForcedTokenLifetime() {
		this.tokenPolicy.forceLifetime(null);
	}

	/**
	 * Sets what {@code duration=0} yields: the remaining life of the caller's role
	 * credentials (15 minutes unless set).
	 * @param expiry the lifetime of tokens asked for with {@code duration=0}
	 */
	public void roleCredentialExpiry(Duration expiry) {
		this.tokenPolicy.roleCredentialExpiry(expiry);
	}

	/**
	 * Holds the next package request for a file whose path ends with {@code pathSuffix} (such as
	 * {@code other-lib-1.0.0.jar}) until the returned gate is released, the bound has passed or the
	 * emulator is closed; other requests go on being answered meanwhile.
	 * @param pathSuffix the end of the file path within the repository
	 * @param maxHold the longest the request is held
	 * @return the gate
	 */
	public PackageRequestGate holdPackageRequest(String pathSuffix, Duration maxHold) {
		PackageRequestGate gate = new PackageRequestGate(pathSuffix, maxHold);
		this.gates.add(gate);
		return gate;
	}

	/**
	 * Queues a fault for the next {@code times} API calls it applies to. Faults apply in
	 * the order queued, after the SigV4 check and before validation.
	 * @param fault the fault
	 * @param times how many calls it applies to (at least 1)
	 */
	public void enqueueFault(EmulatorFault fault, int times) {
		Objects.requireNonNull(fault, "fault");
		this.faults.add(fault, times);
	}

	/**
	 * Drops every queued fault.
	 */
	public void clearFaults() {
		this.faults.clear();
	}

	/**
	 * Returns how many fault applications are still queued.
	 * @return the sum of the remaining counts
	 */
	public int pendingFaults() {
		return this.faults.remaining();
	}

	/**
	 * Returns the calls received so far, oldest first: the last
	 * {@link Builder#maxRecordedCalls(int) maxRecordedCalls} of them.
	 * @return an immutable snapshot
	 */
	public List<RecordedCall> calls() {
		return this.recorder.calls();
	}

	/**
	 * Returns how many calls of one operation were received, also counting those no
	 * longer recorded.
	 * @param operation the operation
	 * @return the exact count since the start or the last {@link #resetCalls()}
	 */
	public int callCount(Operation operation) {
		return this.recorder.count(operation);
	}

	/**
	 * Returns the recorded calls of one operation, oldest first.
	 * @param operation the operation
	 * @return an immutable snapshot
	 */
	public List<RecordedCall> calls(Operation operation) {
		return this.recorder.calls(operation);
	}

	/**
	 * Returns the {@code GetAuthorizationToken} calls, oldest first.
	 * @return an immutable snapshot
	 */
	public List<RecordedCall> authorizationTokenCalls() {
		return calls(Operation.GET_AUTHORIZATION_TOKEN);
	}

	/**
	 * Returns how many {@code GetAuthorizationToken} calls were received, also counting
	 * those no longer recorded.
	 * @return the exact count since the start or the last {@link #resetCalls()}
	 */
	public int authorizationTokenCallCount() {
		return callCount(Operation.GET_AUTHORIZATION_TOKEN);
	}

	/**
	 * Forgets the recorded calls and sets the counts to zero.
	 */
	public void resetCalls() {
		this.recorder.reset();
	}

	/**
	 * Seeds a file into a repository's Maven endpoint.
	 * @param domain the domain
	 * @param repository the repository
	 * @param path the path below the repository endpoint, such as
	 * {@code com/example/lib/maven-metadata.xml}
	 * @param content the file content
	 */
	public void putPackageFile(String domain, String repository, String path, byte[] content) {
		putPackageFile(domain, repository, "maven", path, content);
	}

	/**
	 * Seeds a file into a repository's endpoint of a given format.
	 * @param domain the domain
	 * @param repository the repository
	 * @param format the package format
	 * @param path the path below the repository endpoint
	 * @param content the file content
	 */
	public void putPackageFile(String domain, String repository, String format, String path, byte[] content) {
		this.inventory.requireRepository(domain, repository);
		this.store.put(domain, repository, format, path, content);
	}

	/**
	 * Returns a file as the repository holds it, seeded or published by a client (checksum
	 * files, computed on request, excepted).
	 * @param domain the domain
	 * @param repository the repository
	 * @param format the package format
	 * @param path the path below the repository endpoint
	 * @return a copy of the content, or {@code null} when there is no such file
	 */
	public byte @Nullable [] packageFile(String domain, String repository, String format, String path) {
		this.inventory.requireRepository(domain, repository);
		byte[] content = this.store.get(domain, repository, format, path);
		return (content != null) ? content.clone() : null;
	}

	/**
	 * Seeds a Maven package: {@code maven-metadata.xml}, and a pom and a jar per version
	 * whose class {@code GROUPID.ARTIFACTID.Version} (dashes as underscores) has a
	 * {@code public static String version()}. Checksums ({@code .md5}, {@code .sha1},
	 * {@code .sha256}, {@code .sha512}) are served for every file.
	 * @param domain the domain
	 * @param repository the repository
	 * @param groupId the group id
	 * @param artifactId the artifact id
	 * @param versions the versions, oldest first (the last one is the latest)
	 * @return the seeded paths below the repository endpoint, with the {@code .sha1} of each
	 */
	public List<String> seedMavenPackage(String domain, String repository, String groupId, String artifactId,
			String... versions) {
		Map<String, byte[]> files = MavenPackageFiles.generate(groupId, artifactId, Arrays.asList(versions),
				this.clock.instant());
		List<String> paths = new ArrayList<>();
		files.forEach((path, content) -> {
			putPackageFile(domain, repository, "maven", path, content);
			paths.add(path);
			paths.add(path + ".sha1");
		});
		return List.copyOf(paths);
	}

	/**
	 * Seeds an npm package: per version, a tarball with a {@code package.json} and an
	 * {@code index.js} that exports the version, published as {@code npm publish} would;
	 * {@code latest} points at the last version.
	 * @param domain the domain
	 * @param repository the repository
	 * @param name the package name, such as {@code demo-lib} or {@code @scope/demo-lib}
	 * @param versions the versions, oldest first
	 * @return the tarball URLs, as the package document lists them
	 * @throws IllegalArgumentException when a version was published already
	 */
	public List<URI> seedNpmPackage(String domain, String repository, String name, String... versions) {
		PackageRepository.Coordinates coordinates = seedCoordinates(domain, repository, "npm");
		List<URI> tarballs = new ArrayList<>();
		for (String version : versions) {
			Map<String, Object> manifest = NpmPackageFiles.manifest(name, version);
			if (!this.npm.publish(coordinates, manifest, NpmPackageFiles.tarball(manifest), "latest")) {
				throw new IllegalArgumentException("npm package " + name + "@" + version + " is published already");
			}
			tarballs.add(URI.create(repositoryEndpoint(domain, repository, "npm") + name + "/-/"
					+ NpmPackageFiles.tarballName(name, version)));
		}
		return List.copyOf(tarballs);
	}

	/**
	 * Seeds a Python package: per version, a {@code py3-none-any} wheel with one module
	 * (the name with underscores) whose {@code __version__} is the version.
	 * @param domain the domain
	 * @param repository the repository
	 * @param name the project name, such as {@code demo-lib}
	 * @param versions the versions, oldest first
	 * @return the wheel file names
	 * @throws IllegalArgumentException when a wheel was uploaded already
	 */
	public List<String> seedPythonPackage(String domain, String repository, String name, String... versions) {
		PackageRepository.Coordinates coordinates = seedCoordinates(domain, repository, "pypi");
		List<String> wheels = new ArrayList<>();
		for (String version : versions) {
			String wheel = PythonPackageFiles.wheelName(name, version);
			if (!this.pypi.add(coordinates, name, version, wheel, PythonPackageFiles.wheel(name, version))) {
				throw new IllegalArgumentException("Python package " + wheel + " is uploaded already");
			}
			wheels.add(wheel);
		}
		return List.copyOf(wheels);
	}

	private PackageRepository.Coordinates seedCoordinates(String domain, String repository, String format) {
		this.inventory.requireRepository(domain, repository);
		return new PackageRepository.Coordinates(domain, this.inventory.requireOwner(domain), format, repository, "");
	}

	/**
	 * Returns whether the emulator issued this token (expired or not: expired tokens are
	 * evicted, and only a digest of each of the last
	 * {@value TokenRegistry#REMEMBERED_EXPIRED_TOKENS} is kept to answer this).
	 * @param token the token
	 * @return {@code true} for a token this emulator issued
	 */
	public boolean isIssuedToken(String token) {
		return this.tokens.wasIssued(token);
	}

	/**
	 * Returns whether the emulator issued this token and it has not expired by its clock.
	 * @param token the token
	 * @return {@code true} when the package repository would accept the token
	 */
	public boolean isValidToken(String token) {
		IssuedToken issued = this.tokens.find(token);
		return issued != null && issued.isValidAt(this.clock.instant());
	}

	/**
	 * Returns how many tokens the emulator issued.
	 * @return the count
	 */
	public int issuedTokenCount() {
		return this.tokens.issuedCount();
	}

	/**
	 * Stops the server, resetting open connections and cutting injected latency and drips
	 * short. No emulator thread is left when it returns.
	 */
	@Override
	public void close() {
		this.closed.countDown();
		this.gates.forEach(PackageRequestGate::release);
		this.server.close();
	}

	/**
	 * Configures and starts a {@link CodeArtifactEmulator}.
	 */
	public static final class Builder {

		private final Map<String, String> owners = new LinkedHashMap<>();

		private final Map<String, Map<String, Set<String>>> repositories = new LinkedHashMap<>();

		private final Map<String, String> keyPairs = new LinkedHashMap<>();

		private String region = "us-east-1";

		private Clock clock = Clock.systemUTC();

		private int port;

		private Duration roleCredentialExpiry = Duration.ofMinutes(15);

		private Duration readTimeout = HttpLimits.DEFAULT_READ_TIMEOUT;

		private int maxRecordedCalls = CallRecorder.DEFAULT_MAX_CALLS;

		private Builder() {
		}

		/**
		 * Adds a domain and the account that owns it.
		 * @param name the domain name
		 * @param owner the 12-digit owner account id
		 * @return this builder
		 */
		public Builder domain(String name, String owner) {
			Objects.requireNonNull(name, "name");
			if (!owner.matches("[0-9]{12}")) {
				throw new IllegalArgumentException("The owner must be a 12-digit account id: " + owner);
			}
			this.owners.put(name, owner);
			this.repositories.putIfAbsent(name, new LinkedHashMap<>());
			return this;
		}

		/**
		 * Adds a repository to a domain added before.
		 * @param domain the domain
		 * @param name the repository name
		 * @param formats the package formats it has endpoints for (all when none given)
		 * @return this builder
		 */
		public Builder repository(String domain, String name, String... formats) {
			Map<String, Set<String>> domainRepositories = this.repositories.get(domain);
			if (domainRepositories == null) {
				throw new IllegalArgumentException("Add domain " + domain + " before its repositories");
			}
			Set<String> formatSet = new LinkedHashSet<>(
					(formats.length == 0) ? Inventory.FORMATS : Arrays.asList(formats));
			for (String format : formatSet) {
				if (!Inventory.FORMATS.contains(format)) {
					throw new IllegalArgumentException("Unknown package format: " + format);
				}
			}
			domainRepositories.put(name, formatSet);
			return this;
		}

		/**
		 * Adds an access key pair that requests may be signed with. Without any, the
		 * pair {@code test}/{@code test} is accepted.
		 * @param accessKeyId the access key id
		 * @param secretAccessKey the secret access key
		 * @return this builder
		 */
		public Builder keyPair(String accessKeyId, String secretAccessKey) {
			this.keyPairs.put(Objects.requireNonNull(accessKeyId, "accessKeyId"),
					Objects.requireNonNull(secretAccessKey, "secretAccessKey"));
			return this;
		}

		/**
		 * Sets the region requests must be signed for ({@code us-east-1} unless set).
		 * @param region the region
		 * @return this builder
		 */
		public Builder region(String region) {
			this.region = Objects.requireNonNull(region, "region");
			return this;
		}

		/**
		 * Sets the clock for issuing and expiring tokens, recording calls and the
		 * {@code Date} header of the answers (system UTC unless set). A clock offset from
		 * the client's simulates a skewed service.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Sets the port to listen on ({@code 0}, any free port, unless set).
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Not a port: " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Sets what {@code duration=0} yields (15 minutes unless set).
		 * @param expiry the lifetime of tokens asked for with {@code duration=0}
		 * @return this builder
		 */
		public Builder roleCredentialExpiry(Duration expiry) {
			this.roleCredentialExpiry = Objects.requireNonNull(expiry, "expiry");
			return this;
		}

		/**
		 * Sets how long a connection may take to send a request head (once connected or
		 * answered) and then its body, in real time (30 seconds unless set). A slower or
		 * idle connection is closed; a slow one holds no thread while it sends its head.
		 * @param readTimeout the read timeout, positive
		 * @return this builder
		 */
		public Builder readTimeout(Duration readTimeout) {
			if (readTimeout.isNegative() || readTimeout.isZero()) {
				throw new IllegalArgumentException("readTimeout must be positive, was " + readTimeout
						+ ": give a positive Duration such as Duration.ofSeconds(30)");
			}
			this.readTimeout = readTimeout;
			return this;
		}

		/**
		 * Sets how many calls {@link CodeArtifactEmulator#calls()} keeps, the most recent
		 * ones ({@value CallRecorder#DEFAULT_MAX_CALLS} unless set); the counts stay exact.
		 * @param maxRecordedCalls how many calls to keep, at least 1
		 * @return this builder
		 */
		public Builder maxRecordedCalls(int maxRecordedCalls) {
			if (maxRecordedCalls < 1) {
				throw new IllegalArgumentException("maxRecordedCalls must be at least 1, was " + maxRecordedCalls
						+ ": give how many of the most recent calls to keep, such as 10000");
			}
			this.maxRecordedCalls = maxRecordedCalls;
			return this;
		}

		/**
		 * Starts the emulator.
		 * @return the running emulator
		 * @throws UncheckedIOException when the port cannot be bound
		 */
		public CodeArtifactEmulator build() {
			try {
				return new CodeArtifactEmulator(this);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the CodeArtifact emulator", ex);
			}
		}

	}

}
