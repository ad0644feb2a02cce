package io.github.codeartifact.buildtools;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.repository.CodeArtifactRepositoryAutoConfiguration;
import io.github.codeartifact.test.context.CodeArtifactEmulatorInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gradle is not on this machine: what a session hands to Gradle is checked against the rules
 * Gradle documents. "Project properties": an environment variable {@code ORG_GRADLE_PROJECT_prop}
 * sets the project property {@code prop} (the name after the prefix, as it is); "Build
 * environment": {@code gradle.properties} is a Java properties file, where AWS's guide puts
 * {@code codeartifactToken=<token>}. The rules are modelled here as a table, then applied to a
 * real session against the emulator.
 */
class GradleFormatsTests {

	private static final String PREFIX = "ORG_GRADLE_PROJECT_";

	/** Gradle's documented rule: the project properties that environment variables set. */
	private static Map<String, String> projectProperties(Map<String, String> environment) {
		return environment.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(PREFIX) && entry.getKey().length() > PREFIX.length())
			.collect(Collectors.toMap((entry) -> entry.getKey().substring(PREFIX.length()), Map.Entry::getValue,
					(first, second) -> second, TreeMap::new));
	}

	/** Reads {@code gradle.properties} as Gradle does: a Java properties file. */
	private static Properties gradleProperties(String text) throws IOException {
		Properties properties = new Properties();
		properties.load(new StringReader(text));
		return properties;
	}

	@ParameterizedTest(name = "{0}={1} -> {2}")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			# variable                            | value    | project property
			ORG_GRADLE_PROJECT_codeartifactToken  | t0k.en_- | codeartifactToken
			ORG_GRADLE_PROJECT_foo                | bar      | foo
			ORG_GRADLE_PROJECT_codeartifact.token | x        | codeartifact.token
			ORG_GRADLE_PROJECT_                   | x        | none
			org_gradle_project_foo                | bar      | none
			CODEARTIFACT_AUTH_TOKEN               | x        | none
			GRADLE_OPTS                           | -Xmx1g   | none
			""")
	void environmentVariablesSetProjectPropertiesAsGradleDocuments(String variable, String value, String property) {
		Map<String, String> properties = projectProperties(Map.of(variable, value));
		if (property == null) {
			assertThat(properties).isEmpty();
		}
		else {
			assertThat(properties).containsExactly(Map.entry(property, value));
		}
	}

	@ParameterizedTest(name = "[{0}] -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			# line of gradle.properties             | codeartifactToken read back
			codeartifactToken=eyJ2ZXIiOjEsImlzdSI6MTcw | eyJ2ZXIiOjEsImlzdSI6MTcw
			codeartifactToken = a.b-c_d              | a.b-c_d
			codeartifactToken:a.b                    | a.b
			codeartifactToken=a\\=b                  | a=b
			codeartifactToken=a\\\\b                 | a\\b
			""")
	void gradlePropertiesLinesReadAsJavaProperties(String line, String expected) throws IOException {
		assertThat(gradleProperties(line + "\n").getProperty("codeartifactToken")).isEqualTo(expected);
	}

	@Test
	void aSessionSetsGradlesCodeartifactTokenAndTheTokenNeedsNoEscapingInGradleProperties() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class,
					CodeArtifactRepositoryAutoConfiguration.class, CodeArtifactBuildToolsAutoConfiguration.class))
			.withInitializer(new CodeArtifactEmulatorInitializer())
			.withPropertyValues("codeartifact.build-tools.repositories.codeartifact.repository=my-repo",
					"codeartifact.build-tools.repositories.codeartifact.format=maven",
					"codeartifact.build-tools.repositories.ca-npm.repository=my-repo",
					"codeartifact.build-tools.repositories.ca-npm.format=npm",
					"codeartifact.build-tools.repositories.ca-pypi.repository=my-repo",
					"codeartifact.build-tools.repositories.ca-pypi.format=pypi")
			.run((context) -> {
				try (BuildToolSession session = context.getBean(CodeArtifactBuildTools.class)
					.open(Duration.ofMinutes(10))) {
					String token = session.environment().get(BuildToolSession.CODEARTIFACT_AUTH_TOKEN);
					// Only codeartifactToken: with every format configured, Gradle sees no other project property
					assertThat(projectProperties(session.environment()))
						.containsExactly(Map.entry("codeartifactToken", token));
					// The line AWS documents for ~/.gradle/gradle.properties reads back as the token
					assertThat(gradleProperties("codeartifactToken=" + token + "\n").getProperty("codeartifactToken"))
						.isEqualTo(token);
				}
			});
	}

}
