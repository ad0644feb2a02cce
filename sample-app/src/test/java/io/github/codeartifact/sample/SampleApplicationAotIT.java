package io.github.codeartifact.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.RecordedCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as {@code spring-boot:process-aot} left it, started with
 * {@code -Dspring.aot.enabled=true} in its own JVM: against its embedded emulator it fetches a token
 * and answers the actuator; under the {@code aws} profile it gets its credentials from an
 * assume-role profile and from an SSO profile, through the SDK's factories that it creates by
 * reflection, from loopback fakes of STS and the SSO portal, and not the emulator's credentials.
 * Prints the significant lines of each run as {@code FIGURE} lines.
 */
class SampleApplicationAotIT {

	private static final String DOMAIN = "demo-domain";

	private static final String OWNER = "111122223333";

	private static final String REPOSITORY = "demo-repo";

	private static final String REGION = "us-east-1";

	private static final String ROLE_ARN = "arn:aws:iam::111122223333:role/demo-reader";

	private static final String SSO_ACCESS_TOKEN = "cached-sso-access-token";

	private static final String SSO_SESSION = "demo";

	private final Clock clock = Clock.systemUTC();

	@TempDir
	Path home;

	@Test
	void fetchesATokenFromTheEmbeddedEmulatorAndAnswersTheActuator() throws Exception {
		try (AotSampleProcess sample = AotSampleProcess.start(this.home, Map.of())) {
			figures("embedded emulator", sample);
			ResponseEntity<String> health = get(sample, "/actuator/health");
			assertThat(health.getStatusCode().value()).isEqualTo(200);
			assertThat(health.getBody()).contains("\"codeartifact\"", "\"status\":\"UP\"");
			ResponseEntity<String> endpoint = get(sample, "/actuator/codeartifact");
			assertThat(endpoint.getStatusCode().value()).isEqualTo(200);
			assertThat(endpoint.getBody()).contains("\"domain\":\"demo-domain\"", "\"status\":\"FRESH\"",
					"\"lastRefresh\":{");
			ResponseEntity<String> versions = get(sample, "/packages/com.example/demo-lib");
			assertThat(versions.getStatusCode().value()).isEqualTo(200);
			assertThat(versions.getBody()).contains("\"versions\":[\"1.0.0\",\"1.1.0\",\"2.0.0\"]");
			System.out.println("FIGURE aot embedded emulator: GET /actuator/health " + health.getStatusCode().value()
					+ ", GET /actuator/codeartifact " + endpoint.getStatusCode().value()
					+ ", GET /packages/com.example/demo-lib " + versions.getStatusCode().value());
		}
	}

	@Test
	void awsProfileGetsTheTokenWithTheCredentialsOfAnAssumeRoleProfile() throws Exception {
		String request = runUnderAwsProfile("assume-role profile", "assume", "AWS_ENDPOINT_URL_STS",
				FakeIdentityServer.ROLE_ACCESS_KEY_ID, FakeIdentityServer.ROLE_SECRET_ACCESS_KEY);
		assertThat(request).startsWith("POST / ")
			.contains("Action=AssumeRole", "RoleArn=" + ROLE_ARN, "RoleSessionName=sample-aot");
		System.out.println("FIGURE aot assume-role profile: STS AssumeRole " + ROLE_ARN + " answered "
				+ FakeIdentityServer.ROLE_ACCESS_KEY_ID + ", the only key the emulator accepted");
	}

	@Test
	void awsProfileGetsTheTokenWithTheCredentialsOfAnSsoProfile() throws Exception {
		writeCachedSsoToken();
		String request = runUnderAwsProfile("SSO profile", "sso", "AWS_ENDPOINT_URL_SSO",
				FakeIdentityServer.SSO_ACCESS_KEY_ID, FakeIdentityServer.SSO_SECRET_ACCESS_KEY);
		assertThat(request).startsWith("GET /federation/credentials?")
			.contains("role_name=demo-reader", "account_id=" + OWNER);
		System.out.println("FIGURE aot SSO profile: cached token of sso-session '" + SSO_SESSION + "', "
				+ request.strip() + " answered " + FakeIdentityServer.SSO_ACCESS_KEY_ID
				+ ", the only key the emulator accepted");
	}

	/**
	 * Starts the sample with the {@code aws} profile and an AWS profile whose identity service is
	 * the fake, against an emulator that accepts only the key pair that the fake hands out: a call
	 * signed with the emulator's own {@code test}/{@code test} fails, and fail-fast startup with it.
	 * @return the one request that the fake served
	 */
	private String runUnderAwsProfile(String run, String awsProfile, String endpointVariable, String accessKeyId,
			String secretAccessKey) throws Exception {
		writeAwsConfig();
		try (FakeIdentityServer identity = new FakeIdentityServer(this.clock, SSO_ACCESS_TOKEN);
				CodeArtifactEmulator emulator = CodeArtifactEmulator.builder()
					.domain(DOMAIN, OWNER)
					.repository(DOMAIN, REPOSITORY)
					.region(REGION)
					.keyPair(accessKeyId, secretAccessKey)
					.build();
				AotSampleProcess sample = AotSampleProcess.start(this.home,
						awsEnvironment(emulator, awsProfile, endpointVariable, identity.endpoint().toString()))) {
			figures(run, sample);
			assertThat(emulator.authorizationTokenCalls()).isNotEmpty().allMatch(RecordedCall::succeeded);
			ResponseEntity<String> health = get(sample, "/actuator/health");
			assertThat(health.getStatusCode().value()).isEqualTo(200);
			assertThat(health.getBody()).contains("\"codeartifact\"", "\"status\":\"UP\"");
			assertThat(identity.requests()).hasSize(1);
			return identity.requests().get(0);
		}
	}

	private Map<String, String> awsEnvironment(CodeArtifactEmulator emulator, String awsProfile,
			String endpointVariable, String endpoint) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_PROFILES_ACTIVE", "aws");
		environment.put("CODEARTIFACT_DOMAIN", DOMAIN);
		environment.put("CODEARTIFACT_OWNER", OWNER);
		environment.put("CODEARTIFACT_REPOSITORY", REPOSITORY);
		environment.put("CODEARTIFACT_REGION", REGION);
		environment.put("CODEARTIFACT_ENDPOINT", emulator.endpoint().toString());
		environment.put("AWS_CONFIG_FILE", this.home.resolve(".aws/config").toString());
		environment.put("AWS_SHARED_CREDENTIALS_FILE", this.home.resolve(".aws/credentials").toString());
		environment.put("AWS_PROFILE", awsProfile);
		environment.put("AWS_REGION", REGION);
		environment.put("AWS_EC2_METADATA_DISABLED", "true");
		environment.put(endpointVariable, endpoint);
		return environment;
	}

	private void writeAwsConfig() throws Exception {
		Path aws = Files.createDirectories(this.home.resolve(".aws"));
		Files.writeString(aws.resolve("credentials"), "");
		Files.writeString(aws.resolve("config"), """
				[profile source]
				aws_access_key_id = AKIASOURCEPROFILE
				aws_secret_access_key = source-profile-secret

				[profile assume]
				role_arn = %1$s
				source_profile = source
				role_session_name = sample-aot

				[profile sso]
				sso_session = %2$s
				sso_account_id = %3$s
				sso_role_name = demo-reader

				[sso-session %2$s]
				sso_start_url = http://127.0.0.1/start
				sso_region = %4$s
				sso_registration_scopes = sso:account:access
				""".formatted(ROLE_ARN, SSO_SESSION, OWNER, REGION));
	}

	/** The token {@code aws sso login} leaves, named by the SHA-1 of the session's name. */
	private void writeCachedSsoToken() throws Exception {
		Path cache = Files.createDirectories(this.home.resolve(".aws/sso/cache"));
		String name = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-1").digest(SSO_SESSION.getBytes(StandardCharsets.UTF_8)));
		Files.writeString(cache.resolve(name + ".json"), """
				{"startUrl":"http://127.0.0.1/start","region":"%s","accessToken":"%s","expiresAt":"%s"}"""
			.formatted(REGION, SSO_ACCESS_TOKEN, this.clock.instant().plus(Duration.ofHours(1))));
	}

	private static void figures(String run, AotSampleProcess sample) {
		for (String text : new String[] { "Starting AOT-processed SampleApplication", "Fetched the first CodeArtifact token",
				"Started SampleApplication in" }) {
			String line = sample.line(text);
			// The message, without the log line's time, level, process and logger
			System.out.println("FIGURE aot " + run + ": " + line.substring(line.indexOf(" : ") + 3).strip());
		}
	}

	private static ResponseEntity<String> get(AotSampleProcess sample, String path) {
		return sample.client()
			.get()
			.uri(path)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

}
