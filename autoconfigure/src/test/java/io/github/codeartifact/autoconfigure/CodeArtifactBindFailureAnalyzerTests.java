package io.github.codeartifact.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.github.codeartifact.http.CodeArtifactHttpProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link CodeArtifactBindFailureAnalyzer}: a {@code codeartifact.*} value that the binder
 * cannot convert gets the starter's analysis, through Boot's own failure reporting.
 */
@ExtendWith(OutputCaptureExtension.class)
class CodeArtifactBindFailureAnalyzerTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			codeartifact.duration                  | abc             | must be 0 (expire with the role credentials) or between 15m and 12h | 12h, 1h or 0
			codeartifact.refresh.max-wait          | soon            | must be a duration: a whole number with a unit                        | 30s, 5m or 12h
			codeartifact.client.connect-timeout    | 5 seconds       | must be a duration: a whole number with a unit                        | 30s, 5m or 12h
			codeartifact.endpoint                  | not a uri       | must be an absolute http or https URI with a host                     | https://codeartifact.us-east-1.amazonaws.com
			codeartifact.endpoint                  | 127.0.0.1:8099  | must be an absolute http or https URI with a host                     | https://codeartifact.us-east-1.amazonaws.com
			codeartifact.http.auth-scheme          | token           | must be one of: basic, bearer                                         | basic
			codeartifact.refresh.multiplier        | twice           | must be a decimal number                                              | 2 or 1.5
			codeartifact.fail-fast                 | maybe           | must be true or false                                                 | true or false
			""")
	void unconvertibleValueGetsTheStartersAnalysis(String property, String value, String rule, String example,
			CapturedOutput output) {
		SpringApplication application = new SpringApplication(PropertiesApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(
				Map.of(property, value, "codeartifact.domain", "my-domain", "spring.main.banner-mode", "off"));
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(application::run);
		assertThat(output).contains("Property: " + property, "Value: '" + value + "'",
				"Origin: \"" + property + "\" from property source \"defaultProperties\"", "Rule: " + property + " " + rule,
				"Set " + property + " to a value such as " + example);
		assertThat(output).doesNotContain("Update your application's configuration");
	}

	@Test
	void otherBindingFailuresAreLeftToBoot() {
		MockEnvironment environment = new MockEnvironment().withProperty("other.timeout", "abc");
		BindException failure = catchThrowableOfType(BindException.class,
				() -> Binder.get(environment).bind("other.timeout", Duration.class));
		assertThat(new CodeArtifactBindFailureAnalyzer(environment).analyze(failure)).isNull();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ CodeArtifactProperties.class, CodeArtifactClientProperties.class,
			CodeArtifactHttpProperties.class })
	static class PropertiesApplication {

	}

}
