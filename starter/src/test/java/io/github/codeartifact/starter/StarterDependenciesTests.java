package io.github.codeartifact.starter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.internal.http.loader.DefaultSdkHttpClientBuilder;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.profiles.ProfileFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Checks the starter's own dependency set: the credential providers of the AWS SDK's default chain
 * that live in the sts, sso and ssooidc modules load, and exactly one SDK HTTP client is there.
 * Resolving credentials must fail for network reasons (nothing listens on the endpoints), never
 * with the SDK's "the '...' service module must be on the class path".
 */
class StarterDependenciesTests {

	private static final String MISSING_MODULE = "service module must be on the class path";

	private static final List<String> PROPERTIES = List.of("aws.region", "aws.endpointUrlSts", "aws.endpointUrlSso",
			"aws.endpointUrlSsoOidc");

	@TempDir
	Path temp;

	@BeforeAll
	static void pointServicesAtClosedPort() {
		System.setProperty("aws.region", "us-east-1");
		// Nothing listens on port 1 of the loopback address: calls fail at once with a connection error.
		System.setProperty("aws.endpointUrlSts", "http://127.0.0.1:1");
		System.setProperty("aws.endpointUrlSso", "http://127.0.0.1:1");
		System.setProperty("aws.endpointUrlSsoOidc", "http://127.0.0.1:1");
	}

	@AfterAll
	static void clearProperties() {
		PROPERTIES.forEach(System::clearProperty);
	}

	@ParameterizedTest
	@ValueSource(strings = { "software.amazon.awssdk.services.sts.internal.StsWebIdentityCredentialsProviderFactory",
			"software.amazon.awssdk.services.sts.internal.StsProfileCredentialsProviderFactory",
			"software.amazon.awssdk.services.sso.auth.SsoProfileCredentialsProviderFactory",
			"software.amazon.awssdk.services.ssooidc.SsoOidcProfileTokenProviderFactory" })
	void credentialProviderFactoriesLoadAndInstantiate(String className) throws Exception {
		Class<?> factory = Class.forName(className);
		assertThat(factory.getDeclaredConstructor().newInstance()).isNotNull();
	}

	@Test
	void ssoInternalsArePresent() throws Exception {
		assertThat(Class.forName("software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider")).isNotNull();
		assertThat(Class.forName("software.amazon.awssdk.services.sso.internal.SsoAccessTokenProvider")).isNotNull();
		assertThat(Class.forName("software.amazon.awssdk.services.ssooidc.SsoOidcTokenProvider")).isNotNull();
	}

	@Test
	void assumeRoleProfileReachesSts() throws IOException {
		Path config = write("config", """
				[profile source]
				aws_access_key_id = AKIDEXAMPLE
				aws_secret_access_key = secret

				[profile assume]
				role_arn = arn:aws:iam::111122223333:role/example
				source_profile = source
				region = us-east-1
				""");
		assertFailsOnTheNetwork(profileProvider(config, "assume"));
	}

	@Test
	void webIdentityProfileReachesSts() throws IOException {
		Path token = write("token", "eyJhbGciOiJub25lIn0.e30.");
		Path config = write("config", """
				[profile web]
				role_arn = arn:aws:iam::111122223333:role/example
				web_identity_token_file = %s
				region = us-east-1
				""".formatted(token.toAbsolutePath()));
		assertFailsOnTheNetwork(profileProvider(config, "web"));
	}

	@Test
	void webIdentityTokenFileCredentialsProviderFindsItsStsFactory() throws IOException {
		Path token = write("token", "eyJhbGciOiJub25lIn0.e30.");
		WebIdentityTokenFileCredentialsProvider provider = WebIdentityTokenFileCredentialsProvider.builder()
			.roleArn("arn:aws:iam::111122223333:role/example")
			.roleSessionName("starter-test")
			.webIdentityTokenFile(token)
			.build();
		try (provider) {
			SdkClientException failure = assertFailure(provider::resolveCredentials);
			assertThat(messages(failure)).noneMatch((message) -> message.contains(MISSING_MODULE));
			assertThat(hasNetworkCause(failure)).as("network failure in %s", messages(failure)).isTrue();
		}
	}

	@Test
	void legacySsoProfileLoadsTheSsoModule() throws IOException {
		Path config = write("config", """
				[profile sso]
				sso_start_url = https://example.invalid/start
				sso_region = us-east-1
				sso_account_id = 111122223333
				sso_role_name = Example
				region = us-east-1
				""");
		// Without a cached SSO login the sso module fails on the missing token, not on a missing module.
		assertFailsInTheSsoModule(profileProvider(config, "sso"));
	}

	@Test
	void ssoSessionProfileLoadsTheSsoAndSsoOidcModules() throws IOException {
		Path config = write("config", """
				[profile sso]
				sso_session = example
				sso_account_id = 111122223333
				sso_role_name = Example
				region = us-east-1

				[sso-session example]
				sso_start_url = https://example.invalid/start
				sso_region = us-east-1
				""");
		assertFailsInTheSsoModule(profileProvider(config, "sso"));
	}

	@Test
	void nettyIsAbsent() {
		assertThatExceptionOfType(ClassNotFoundException.class)
			.isThrownBy(() -> Class.forName("software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient"));
	}

	@Test
	void apacheClientIsAbsent() {
		assertThatExceptionOfType(ClassNotFoundException.class)
			.isThrownBy(() -> Class.forName("software.amazon.awssdk.http.apache.ApacheHttpClient"));
	}

	@Test
	void exactlyOneSyncHttpClientIsOnTheClassPath() {
		Set<String> services = java.util.ServiceLoader.load(SdkHttpService.class)
			.stream()
			.map((provider) -> provider.type().getName())
			.collect(Collectors.toSet());
		assertThat(services).containsExactly("software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService");
		assertThatNoException().isThrownBy(() -> new DefaultSdkHttpClientBuilder().buildWithDefaults(
				software.amazon.awssdk.utils.AttributeMap.empty()).close());
	}

	private ProfileCredentialsProvider profileProvider(Path config, String profile) {
		ProfileFile file = ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();
		return ProfileCredentialsProvider.builder().profileFile(file).profileName(profile).build();
	}

	private void assertFailsOnTheNetwork(ProfileCredentialsProvider provider) {
		try (provider) {
			SdkClientException failure = assertFailure(provider::resolveCredentials);
			assertThat(messages(failure)).noneMatch((message) -> message.contains(MISSING_MODULE));
			assertThat(hasNetworkCause(failure)).as("network failure in %s", messages(failure)).isTrue();
		}
	}

	private void assertFailsInTheSsoModule(ProfileCredentialsProvider provider) {
		try (provider) {
			RuntimeException failure = assertFailure(RuntimeException.class, provider::resolveCredentials);
			assertThat(messages(failure)).isNotEmpty().noneMatch((message) -> message.contains(MISSING_MODULE));
			assertThat(failure.getStackTrace()).as("failure thrown by the sso module")
				.anyMatch((frame) -> frame.getClassName().startsWith("software.amazon.awssdk.services.sso."));
		}
	}

	private static SdkClientException assertFailure(Runnable resolve) {
		return assertFailure(SdkClientException.class, resolve);
	}

	private static <E extends RuntimeException> E assertFailure(Class<E> type, Runnable resolve) {
		try {
			resolve.run();
		}
		catch (RuntimeException ex) {
			assertThat(ex).isInstanceOf(type);
			return type.cast(ex);
		}
		throw new AssertionError("resolving credentials should have failed");
	}

	private static List<String> messages(Throwable failure) {
		List<String> messages = new ArrayList<>();
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			messages.add(candidate.getClass().getName() + ": " + candidate.getMessage());
			for (Throwable suppressed : candidate.getSuppressed()) {
				messages.addAll(messages(suppressed));
			}
		}
		return messages;
	}

	private static boolean hasNetworkCause(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof IOException) {
				return true;
			}
			for (Throwable suppressed : candidate.getSuppressed()) {
				if (hasNetworkCause(suppressed)) {
					return true;
				}
			}
		}
		return false;
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(Files.createTempFile(this.temp, name, ""), content, StandardCharsets.UTF_8);
	}

}
