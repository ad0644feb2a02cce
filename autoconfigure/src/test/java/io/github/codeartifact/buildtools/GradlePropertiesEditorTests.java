package io.github.codeartifact.buildtools;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import static io.github.codeartifact.buildtools.LoginFileEditorCases.TOKEN;
import static io.github.codeartifact.buildtools.LoginFileEditorCases.crlf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link GradlePropertiesEditor} as a table: one {@code codeartifactToken} line, read back as
 * Gradle reads the file ({@link Properties}).
 */
class GradlePropertiesEditorTests {

	private static final List<ResolvedRepository> REPOSITORIES = List
		.of(LoginFileEditorCases.repository("maven", PackageFormat.MAVEN, null, "/maven/my-repo/"));

	static Stream<Arguments> writes() {
		return Stream.of(arguments("a missing file", "", "codeartifactToken=" + TOKEN + "\n"),
				arguments("other properties and comments stay", "# daemon\norg.gradle.jvmargs=-Xmx2g\n",
						"# daemon\norg.gradle.jvmargs=-Xmx2g\ncodeartifactToken=" + TOKEN + "\n"),
				arguments("the old token is replaced where it is, whatever its separator",
						"a=1\ncodeartifactToken : old\nb=2\n", "a=1\ncodeartifactToken=" + TOKEN + "\nb=2\n"),
				arguments("a continued value is replaced whole", "codeartifactToken=old\\\n    more\nb=2\n",
						"codeartifactToken=" + TOKEN + "\nb=2\n"),
				arguments("a comment that names the key is not the key", "#codeartifactToken=x\n",
						"#codeartifactToken=x\ncodeartifactToken=" + TOKEN + "\n"),
				arguments("a similar key is another key", "codeartifactTokenOld=x\n",
						"codeartifactTokenOld=x\ncodeartifactToken=" + TOKEN + "\n"),
				arguments("no newline at the end", "a=1", "a=1\ncodeartifactToken=" + TOKEN + "\n"),
				arguments("CRLF", crlf("a=1\n"), crlf("a=1\ncodeartifactToken=" + TOKEN + "\n")),
				arguments("ISO-8859-1 text stays", "name=caf\u00e9\n", "name=caf\u00e9\ncodeartifactToken=" + TOKEN + "\n"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("writes")
	void write(String name, String input, String expected) throws IOException {
		LoginFileEditorCases.assertWrite(new GradlePropertiesEditor(), REPOSITORIES, input, expected);
		Properties properties = new Properties();
		properties.load(new StringReader(expected));
		assertThat(properties.getProperty("codeartifactToken")).isEqualTo(TOKEN);
		String removed = new GradlePropertiesEditor().remove(expected, REPOSITORIES);
		assertThat(removed).doesNotContain(TOKEN).doesNotContainPattern("(?m)^codeartifactToken[=: ]");
	}

	@Test
	void withoutAMavenRepositoryTheFileIsNotTouched() {
		assertThat(new GradlePropertiesEditor().write("a=1", List.of(), TOKEN)).isEqualTo("a=1");
	}

}
