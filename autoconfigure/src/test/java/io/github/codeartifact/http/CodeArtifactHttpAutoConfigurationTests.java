package io.github.codeartifact.http;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.autoconfigure.InvalidCodeArtifactPropertyException;
import io.github.codeartifact.repository.CodeArtifactRepositoryAutoConfiguration;
import io.github.codeartifact.repository.CodeArtifactRepositoryEndpoints;
import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link CodeArtifactHttpAutoConfiguration} and
 * {@link CodeArtifactRepositoryAutoConfiguration} against the emulator.
 */
@ExtendWith(OutputCaptureExtension.class)
class CodeArtifactHttpAutoConfigurationTests {

	private static final String DOMAIN = "my-domain";

	private static final String OWNER = "111122223333";

	/** Requests sent to the repository that rejects every token. */
	private static final int REQUESTS = 300;

	private CodeArtifactEmulator emulator;

	/** A repository that answers every request with 401. */
	private final RecordingServer rejecting = new RecordingServer();

	@BeforeEach
	void start() {
		this.emulator = CodeArtifactEmulator.builder().domain(DOMAIN, OWNER).repository(DOMAIN, "my-repo").build();
		this.emulator.seedMavenPackage(DOMAIN, "my-repo", "com.example", "lib", "1.0.0");
	}

	@AfterEach
	void stop() {
		this.rejecting.close();
		this.emulator.close();
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class,
					CodeArtifactRepositoryAutoConfiguration.class, CodeArtifactHttpAutoConfiguration.class))
			.withBean(AwsCredentialsProvider.class,
					() -> StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.withPropertyValues("codeartifact.domain=" + DOMAIN, "codeartifact.owner=" + OWNER,
					"codeartifact.region=us-east-1", "codeartifact.endpoint=" + this.emulator.endpoint());
	}

	@Test
	void registersEveryBeanAndAuthenticatesAnOptedInClient() {
		runner().run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(CodeArtifactRepositoryEndpoints.class)
				.hasSingleBean(CodeArtifactRepositoryHosts.class)
				.hasSingleBean(CodeArtifactAuthInterceptor.class)
				.hasSingleBean(CodeArtifactRestClientCustomizer.class)
				.hasSingleBean(CodeArtifactExchangeFilterFunction.class);
			URI endpoint = context.getBean(CodeArtifactRepositoryEndpoints.class)
				.endpoint("my-repo", PackageFormat.MAVEN);
			RestClient client = context.getBean(CodeArtifactRestClientCustomizer.class).builder().build();
			assertThat(client.get()
				.uri(endpoint.resolve("com/example/lib/maven-metadata.xml"))
				.retrieve()
				.body(String.class)).contains("<version>1.0.0</version>");
		});
	}

	@Test
	void theInterceptorsTransportIsBuiltOnItsFirstAuthorizedRequestNotAtStartup() {
		AtomicInteger built = new AtomicInteger();
		ClientHttpRequestFactoryBuilder<?> counting = ClientHttpRequestFactoryBuilder.jdk()
			.withHttpClientCustomizer((client) -> built.incrementAndGet());
		runner().withBean(ClientHttpRequestFactoryBuilder.class, () -> counting).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(built).hasValue(0);
			URI endpoint = context.getBean(CodeArtifactRepositoryEndpoints.class)
				.endpoint("my-repo", PackageFormat.MAVEN);
			RestClient client = context.getBean(CodeArtifactRestClientCustomizer.class).builder().build();
			for (int i = 0; i < 2; i++) {
				assertThat(client.get()
					.uri(endpoint.resolve("com/example/lib/maven-metadata.xml"))
					.retrieve()
					.body(String.class)).contains("<version>1.0.0</version>");
			}
			assertThat(built).hasValue(1);
		});
	}

	@Test
	void theFiltersConnectorIsBuiltOnItsFirstAuthorizedExchangeNotAtStartup() {
		AtomicInteger built = new AtomicInteger();
		ClientHttpConnectorBuilder<?> counting = ClientHttpConnectorBuilder.jdk()
			.withHttpClientCustomizer((client) -> built.incrementAndGet());
		runner().withBean(ClientHttpConnectorBuilder.class, () -> counting).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(built).hasValue(0);
			URI endpoint = context.getBean(CodeArtifactRepositoryEndpoints.class)
				.endpoint("my-repo", PackageFormat.MAVEN);
			WebClient client = WebClient.builder().filter(context.getBean(CodeArtifactExchangeFilterFunction.class)).build();
			for (int i = 0; i < 2; i++) {
				assertThat(client.get()
					.uri(endpoint.resolve("com/example/lib/maven-metadata.xml"))
					.retrieve()
					.bodyToMono(String.class)
					.block()).contains("<version>1.0.0</version>");
			}
			assertThat(built).hasValue(1);
		});
	}

	@Test
	void resolvedEndpointsAreTrustedByTheHosts() {
		runner().run((context) -> {
			CodeArtifactRepositoryHosts hosts = context.getBean(CodeArtifactRepositoryHosts.class);
			URI endpoint = this.emulator.repositoryEndpoint(DOMAIN, "my-repo", "maven");
			assertThat(hosts.matches(endpoint)).isFalse();
			context.getBean(CodeArtifactRepositoryEndpoints.class).endpoint("my-repo", PackageFormat.MAVEN);
			assertThat(hosts.matches(endpoint)).isTrue();
		});
	}

	@Test
	void configuredHostsAndScheme() {
		runner().withPropertyValues("codeartifact.http.hosts=repo.example.com:8443,*.mirror.example.com",
				"codeartifact.http.auth-scheme=bearer")
			.run((context) -> {
				assertThat(context.getBean(CodeArtifactHttpProperties.class).getAuthScheme())
					.isEqualTo(AuthScheme.BEARER);
				CodeArtifactRepositoryHosts hosts = context.getBean(CodeArtifactRepositoryHosts.class);
				assertThat(hosts.matches(URI.create("https://repo.example.com:8443/x"))).isTrue();
				assertThat(hosts.matches(URI.create("https://repo.example.com/x"))).isFalse();
				assertThat(hosts.matches(URI.create("https://a.mirror.example.com/x"))).isTrue();
			});
	}

	@Test
	void nothingIsAppliedToTheApplicationsClientsGlobally() {
		runner().run((context) -> {
			// Only Boot's own customizer types are applied to every builder: ours is a plain class.
			assertThat(context.getBeanNamesForType(ClientHttpRequestInterceptor.class))
				.containsExactly("codeArtifactAuthInterceptor");
			assertThat(CodeArtifactRestClientCustomizer.class.getInterfaces()).isEmpty();
		});
	}

	@Test
	void noWebClientFilterWithoutWebFlux() {
		runner().withClassLoader(new FilteredClassLoader(ExchangeFilterFunction.class)).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(CodeArtifactAuthInterceptor.class)
				.doesNotHaveBean(CodeArtifactExchangeFilterFunction.class);
		});
	}

	@Test
	void noHttpBeansWithoutSpringWeb() {
		runner().withClassLoader(new FilteredClassLoader(ClientHttpRequestInterceptor.class)).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(CodeArtifactRepositoryEndpoints.class)
				.doesNotHaveBean(CodeArtifactAuthInterceptor.class)
				.doesNotHaveBean(CodeArtifactRestClientCustomizer.class);
		});
	}

	@Test
	void nothingWhenDisabled() {
		runner().withPropertyValues("codeartifact.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(CodeArtifactRepositoryEndpoints.class)
				.doesNotHaveBean(CodeArtifactAuthInterceptor.class);
		});
	}

	@Test
	void anApplicationTokenProviderIsUsedWithoutRepositoryEndpoints() {
		CodeArtifactTokenProvider own = new CountingTokenProvider("own-token", () -> "own-token");
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodeArtifactRepositoryAutoConfiguration.class,
					CodeArtifactHttpAutoConfiguration.class))
			.withBean(CodeArtifactTokenProvider.class, () -> own)
			.withPropertyValues("codeartifact.http.hosts=127.0.0.1")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(CodeArtifactRepositoryEndpoints.class)
					.hasSingleBean(CodeArtifactAuthInterceptor.class);
				assertThat(context.getBean(CodeArtifactRepositoryHosts.class)
					.matches(URI.create("http://127.0.0.1:1/x"))).isTrue();
			});
	}

	@Test
	void backsOffFromApplicationBeans() {
		CodeArtifactRepositoryHosts own = new CodeArtifactRepositoryHosts(List.of("mine.example.com"), (uri) -> false);
		runner().withBean(CodeArtifactRepositoryHosts.class, () -> own).run((context) -> {
			assertThat(context.getBean(CodeArtifactRepositoryHosts.class)).isSameAs(own);
			AuthorizationToken token = context.getBean(CodeArtifactTokenProvider.class).getAuthorizationToken();
			assertThat(token.toString()).doesNotContain(token.token());
		});
	}


	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "*", "*.com", "*.co.uk", "*.", ".com", "a..b", "user@evil.com", "ftp://repo.example.com" })
	void aFootgunInTheHostsStopsStartupNamingThePropertyTheValueAndTheRule(String entry) {
		runner().withPropertyValues("codeartifact.http.hosts=repo.example.com," + entry).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidCodeArtifactPropertyException.class, (ex) -> {
					assertThat(ex.getProperty()).isEqualTo("codeartifact.http.hosts");
					assertThat(ex.getValue()).isEqualTo(entry);
					assertThat(ex.getMessage()).startsWith("Invalid value '" + entry + "' for property 'codeartifact.http.hosts': ");
					assertThat(ex.getAction()).isNotBlank();
				});
		});
	}

	@Test
	void theHostRulesAreLoggedOnceAtInfoWithoutTheToken(CapturedOutput output) {
		runner().withPropertyValues("codeartifact.http.hosts=repo.example.com:8443,http://mirror.example.com")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String token = context.getBean(CodeArtifactTokenProvider.class).getToken();
				String rules = "The CodeArtifact token goes to https://<domain>-<owner>.d.codeartifact.<region>"
						+ ".amazonaws.com[.cn] and the repositories VPC endpoints of AWS, the repository endpoints "
						+ "resolved at run time, and codeartifact.http.hosts [https://repo.example.com:8443, "
						+ "http(s)://mirror.example.com (any port)]";
				assertThat(output.getOut().lines().filter((line) -> line.contains("The CodeArtifact token goes to")))
					.singleElement()
					.satisfies((line) -> assertThat(line).contains("INFO", rules));
				assertThat(output.getAll()).doesNotContain(token);
			});
	}


	@Test
	void theFailureAnalysisNamesThePropertyTheValueWhereItWasSetTheRuleAndAFix(CapturedOutput output) {
		SpringApplication application = new SpringApplication(HostsApplication.class);
		assertThatException().isThrownBy(() -> application.run("--spring.main.web-application-type=none",
				"--codeartifact.http.hosts=*.co.uk"));
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Property: codeartifact.http.hosts",
				"Value: '*.co.uk'", "Origin: \"codeartifact.http.hosts\" from property source \"commandLineArgs\"",
				"Rule: codeartifact.http.hosts wildcards must not cover a public suffix: '*.co.uk' matches every host "
						+ "under 'co.uk'",
				"List the repository hosts themselves, such as 'repo.example.com'");
	}

	// A repository that rejects every token (a remote party, or a policy that denies reads) cannot
	// multiply GetAuthorizationToken calls through the 401 retry of the interceptor and the filter

	@Test
	void threeHundredRejectedRestClientRequestsMakeOneForcedCall() {
		runner().withPropertyValues("codeartifact.http.hosts=127.0.0.1:" + this.rejecting.port()).run((context) -> {
			assertThat(context).hasNotFailed();
			RestClient client = context.getBean(CodeArtifactRestClientCustomizer.class).builder().build();
			int before = this.emulator.authorizationTokenCallCount();
			for (int i = 0; i < REQUESTS; i++) {
				int status = client.get()
					.uri(this.rejecting.uri("/status/401"))
					.exchange((request, response) -> response.getStatusCode().value());
				assertThat(status).isEqualTo(401);
			}
			report("RestClient", before);
		});
	}

	@Test
	void threeHundredRejectedWebClientRequestsMakeOneForcedCall() {
		runner().withPropertyValues("codeartifact.http.hosts=127.0.0.1:" + this.rejecting.port()).run((context) -> {
			assertThat(context).hasNotFailed();
			WebClient client = WebClient.builder()
				.filter(context.getBean(CodeArtifactExchangeFilterFunction.class))
				.build();
			int before = this.emulator.authorizationTokenCallCount();
			for (int i = 0; i < REQUESTS; i++) {
				Integer status = client.get()
					.uri(this.rejecting.uri("/status/401"))
					.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
					.block();
				assertThat(status).isEqualTo(401);
			}
			report("WebClient", before);
		});
	}

	private void report(String client, int callsBefore) {
		int calls = this.emulator.authorizationTokenCallCount() - callsBefore;
		int sent = this.rejecting.requests().size();
		System.out.println("FIGURE: " + REQUESTS + " " + client + " requests answered 401 made " + calls
				+ " GetAuthorizationToken call(s) and " + sent + " repository requests");
		// One forced refresh inside min-forced-interval; no retry with a token already rejected
		assertThat(calls).isEqualTo(1);
		assertThat(sent).isEqualTo(REQUESTS + 1);
	}

	/**
	 * An application with the HTTP authentication and its own token provider.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(CodeArtifactHttpAutoConfiguration.class)
	static class HostsApplication {

		@Bean
		CodeArtifactTokenProvider tokenProvider() {
			return new CountingTokenProvider("own-token", () -> "own-token");
		}

	}

}
