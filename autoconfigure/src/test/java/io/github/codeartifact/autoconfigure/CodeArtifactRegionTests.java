package io.github.codeartifact.autoconfigure;

import io.github.codeartifact.token.CodeArtifactTokenException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The region is checked before any call: shaped names start (with a WARN when the SDK does not
 * know them), and the service's region errors get an action naming {@code codeartifact.region}.
 */
@ExtendWith(OutputCaptureExtension.class)
class CodeArtifactRegionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class))
		.withBean(AwsCredentialsProvider.class,
				() -> StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
		.withPropertyValues("codeartifact.domain=my-domain", "codeartifact.fail-fast=false",
				"codeartifact.endpoint=http://127.0.0.1:1");

	@ParameterizedTest
	@ValueSource(strings = { "us-east-1", "eu-central-2", "us-gov-west-1", "cn-north-1" })
	void knownRegionsAreAcceptedWithoutWarning(String region, CapturedOutput output) {
		this.runner.withPropertyValues("codeartifact.region=" + region).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(CodeartifactClient.class).serviceClientConfiguration().region().id())
				.isEqualTo(region);
		});
		assertThat(output).doesNotContain("is not a region this AWS SDK knows");
	}

	@Test
	void aWellShapedRegionTheSdkDoesNotKnowIsAcceptedWithAWarning(CapturedOutput output) {
		this.runner.withPropertyValues("codeartifact.region=xy-south-9")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("codeartifact.region 'xy-south-9' is not a region this AWS SDK knows");
	}

	@Test
	void theServicesRegionErrorNamesTheRegionPropertyAndTheEndpoint() {
		CodeArtifactTokenException failure = new CodeArtifactTokenException(
				"GetAuthorizationToken failed for domain 'my-domain': InvalidSignatureException: "
						+ "Credential should be scoped to a valid region.",
				"InvalidSignatureException", "my-domain", false, null);
		FailureAnalysis analysis = new CodeArtifactTokenFailureAnalyzer()
			.analyze(new CodeArtifactTokenStartupException("my-domain", null, "eu-west-1",
					"https://codeartifact.eu-west-1.amazonaws.com (the default endpoint of region eu-west-1)", failure));
		assertThat(analysis.getAction()).startsWith("The service does not accept region eu-west-1 at "
				+ "https://codeartifact.eu-west-1.amazonaws.com (the default endpoint of region eu-west-1). "
				+ "Set codeartifact.region to the region of the domain");
	}

}
