package io.github.codeartifact.buildtools;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.codeartifact.autoconfigure.InvalidCodeArtifactPropertyException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rules of {@code codeartifact.build-tools.repositories.*}, as a table.
 */
class BuildToolRepositoriesTests {

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = { "maven, MAVEN", "MAVEN, MAVEN", "npm, NPM", "Npm, NPM", "pypi, PYPI",
			"PYPI, PYPI" })
	void formatTakesTheSdkNamesInAnyCase(String format, PackageFormat expected) {
		assertThat(BuildToolRepositories.of(Map.of("ca", repository("my-repo", format, null, null))))
			.singleElement()
			.satisfies((repository) -> assertThat(repository.format()).isEqualTo(expected));
	}

	@Test
	void scopeGetsItsAtSignAndMirrorOfIsKept() {
		Map<String, CodeArtifactBuildToolsProperties.Repository> repositories = new LinkedHashMap<>();
		repositories.put("npm-org", repository("my-repo", "npm", "my-org", null));
		repositories.put("npm-all", repository("my-repo", "npm", null, null));
		repositories.put("central", repository("my-repo", "maven", null, "external:*,!local"));
		assertThat(BuildToolRepositories.of(repositories)).containsExactly(
				new BuildToolRepository("npm-org", "my-repo", PackageFormat.NPM, "@my-org", null),
				new BuildToolRepository("npm-all", "my-repo", PackageFormat.NPM, null, null),
				new BuildToolRepository("central", "my-repo", PackageFormat.MAVEN, null, "external:*,!local"));
	}

	@ParameterizedTest(name = "{0}.{2}={3}")
	@CsvSource(nullValues = "null", delimiter = '|', value = {
			"ca      | null    | repository | null    | null   | null  | a CodeArtifact repository name",
			"ca      | -repo   | repository | -repo   | maven  | null  | a CodeArtifact repository name",
			"ca      | my-repo | format     | null    | null   | null  | one of maven, npm or pypi",
			"ca      | my-repo | format     | gradle  | gradle | null  | one of maven, npm or pypi",
			"ca      | my-repo | format     | nuget   | nuget  | null  | nuget is a CodeArtifact format that build-tool sessions do not configure",
			"ca      | my-repo | scope      | my-org  | maven  | my-org| applies to npm repositories only",
			"ca      | my-repo | scope      | @My Org | npm    | @My Org| must be an npm scope",
			"ca      | my-repo | mirror-of  | *       | npm    | null  | applies to maven repositories only",
			"a b     | my-repo | repository | a b     | maven  | null  | must have an id" })
	void badValuesNameThePropertyTheValueAndTheRule(String id, @Nullable String name, String property,
			@Nullable String value, @Nullable String format, @Nullable String scope, String rule) {
		String mirrorOf = "mirror-of".equals(property) ? value : null;
		assertThatExceptionOfType(InvalidCodeArtifactPropertyException.class)
			.isThrownBy(() -> BuildToolRepositories.of(Map.of(id, repository(name, format, scope, mirrorOf))))
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo("codeartifact.build-tools.repositories." + id + "." + property);
				assertThat(ex.getValue()).isEqualTo(value);
				assertThat(ex.getRule()).contains(rule);
				assertThat(ex.getAction()).isNotBlank();
			});
	}

	@Test
	void mirrorOfMustBeMavenSyntax() {
		assertThatExceptionOfType(InvalidCodeArtifactPropertyException.class)
			.isThrownBy(() -> BuildToolRepositories.of(Map.of("ca", repository("my-repo", "maven", null, "a b"))))
			.satisfies((ex) -> assertThat(ex.getRule()).contains("Maven's mirrorOf"));
	}

	@Test
	void twoNpmRepositoriesWithTheSameScopeAreRefused() {
		Map<String, CodeArtifactBuildToolsProperties.Repository> repositories = new LinkedHashMap<>();
		repositories.put("one", repository("my-repo", "npm", null, null));
		repositories.put("two", repository("other-repo", "npm", null, null));
		assertThatExceptionOfType(InvalidCodeArtifactPropertyException.class)
			.isThrownBy(() -> BuildToolRepositories.of(repositories))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("codeartifact.build-tools.repositories.two.scope"));
	}

	static CodeArtifactBuildToolsProperties.Repository repository(@Nullable String name, @Nullable String format,
			@Nullable String scope, @Nullable String mirrorOf) {
		CodeArtifactBuildToolsProperties.Repository repository = new CodeArtifactBuildToolsProperties.Repository();
		repository.setRepository(name);
		repository.setFormat(format);
		repository.setScope(scope);
		repository.setMirrorOf(mirrorOf);
		return repository;
	}

}
