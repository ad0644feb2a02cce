package io.github.codeartifact.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails the build when main code of a published module uses an {@code .internal.} package of
 * the AWS SDK: such classes change without notice between SDK versions, so a user whose BOM
 * picks another version would get {@code NoSuchMethodError}.
 */
class PublishedModulesSdkInternalsTests {

	private static final Pattern SDK_INTERNAL = Pattern.compile("software\\.amazon\\.awssdk(\\.\\w+)*\\.internal\\b[\\w.*]*");

	/**
	 * SDK-internal classes that the starter's native-image hints name as a string, and where: the
	 * SDK creates them by reflection from that very name. A string links nothing (a class that is
	 * gone only skips its hint), and {@code SdkProfileRuntimeHintsTests} checks the name against the
	 * SDK's own constant.
	 */
	private static final Map<String, String> HINTED_BY_NAME = Map.of(
			"software.amazon.awssdk.services.sts.internal.StsProfileCredentialsProviderFactory",
			"AssumeRoleProfileRuntimeHints.java");

	/**
	 * Main source trees of the published jars, relative to this module (the tests run in
	 * test-support/). The starter is a pom without code.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "src/main/java", "../autoconfigure/src/main/java" })
	void mainCodeUsesNoSdkInternalPackage(String sourceTree) throws IOException {
		Path root = Path.of(sourceTree);
		assertThat(root).as("the main source tree of a published module").isDirectory();
		List<Path> sources;
		try (Stream<Path> files = Files.walk(root)) {
			sources = files.filter((file) -> file.toString().endsWith(".java")).toList();
		}
		assertThat(sources).as("the Java sources of " + root).isNotEmpty();
		List<String> uses = sources.stream().flatMap(PublishedModulesSdkInternalsTests::internalUses).toList();
		assertThat(uses).as("uses of SDK-internal packages: use public SDK API instead").isEmpty();
	}

	private static Stream<String> internalUses(Path source) {
		try {
			Matcher matcher = SDK_INTERNAL.matcher(Files.readString(source));
			return matcher.results()
				.filter((match) -> !source.getFileName().toString().equals(HINTED_BY_NAME.get(match.group())))
				.map((match) -> source + ": " + match.group());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + source, ex);
		}
	}

}
