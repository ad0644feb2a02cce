package io.github.codeartifact.buildtools;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import static io.github.codeartifact.buildtools.LoginFileEditorCases.TOKEN;
import static io.github.codeartifact.buildtools.LoginFileEditorCases.crlf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link MavenSettingsEditor} as a table: only the {@code <password>} of our servers changes, a
 * missing server is added, everything else stays byte for byte.
 */
class MavenSettingsEditorTests {

	private static final List<ResolvedRepository> REPOSITORIES = List
		.of(LoginFileEditorCases.repository("codeartifact", PackageFormat.MAVEN, null, "/maven/my-repo/"));

	private static final String SERVER = "<server><id>codeartifact</id><username>aws</username><password>" + TOKEN
			+ "</password></server>";

	static Stream<Arguments> writes() {
		return Stream.of(
				arguments("a missing file", "", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
						+ "<settings xmlns=\"http://maven.apache.org/SETTINGS/1.0.0\">\n  <servers>\n    " + SERVER
						+ "\n  </servers>\n</settings>\n"),
				arguments("only our server's password changes; comments, other servers and formatting stay",
						"<?xml version=\"1.0\"?>\n<!-- my settings <servers> -->\n<settings>\n  <servers>\n"
								+ "    <server>\n      <id>other</id>\n      <password>keep</password>\n    </server>\n"
								+ "    <server>\n      <id> codeartifact </id>\n      <username>aws</username>\n"
								+ "      <password>${env.CODEARTIFACT_AUTH_TOKEN}</password>\n"
								+ "      <configuration><x a=\"1>\"/></configuration>\n    </server>\n  </servers>\n"
								+ "  <mirrors><mirror><id>codeartifact</id><mirrorOf>*</mirrorOf></mirror></mirrors>\n"
								+ "</settings>",
						"<?xml version=\"1.0\"?>\n<!-- my settings <servers> -->\n<settings>\n  <servers>\n"
								+ "    <server>\n      <id>other</id>\n      <password>keep</password>\n    </server>\n"
								+ "    <server>\n      <id> codeartifact </id>\n      <username>aws</username>\n"
								+ "      <password>" + TOKEN + "</password>\n"
								+ "      <configuration><x a=\"1>\"/></configuration>\n    </server>\n  </servers>\n"
								+ "  <mirrors><mirror><id>codeartifact</id><mirrorOf>*</mirrorOf></mirror></mirrors>\n"
								+ "</settings>"),
				arguments("a missing server is added to <servers>",
						"<settings>\n  <servers>\n    <server><id>other</id></server>\n  </servers>\n</settings>\n",
						"<settings>\n  <servers>\n    <server><id>other</id></server>\n    " + SERVER
								+ "\n  </servers>\n</settings>\n"),
				arguments("missing <servers> are added", "<settings>\n  <localRepository>/r</localRepository>\n</settings>\n",
						"<settings>\n  <localRepository>/r</localRepository>\n  <servers>\n    " + SERVER
								+ "\n  </servers>\n</settings>\n"),
				arguments("empty <servers/> are opened", "<settings>\n  <servers/>\n</settings>\n",
						"<settings>\n  <servers>\n    " + SERVER + "\n  </servers>\n</settings>\n"),
				arguments("a server without password gets one, and the username aws when it has none",
						"<settings><servers><server>\n  <id>codeartifact</id>\n</server></servers></settings>",
						"<settings><servers><server>\n  <id>codeartifact</id>\n  <username>aws</username>\n  <password>"
								+ TOKEN + "</password>\n</server></servers></settings>"),
				arguments("an empty <password/> is filled",
						"<settings><servers><server><id>codeartifact</id><username>aws</username><password/></server>"
								+ "</servers></settings>",
						"<settings><servers><server><id>codeartifact</id><username>aws</username><password>" + TOKEN
								+ "</password></server></servers></settings>"),
				arguments("a namespace prefix and CDATA elsewhere", "<s:settings xmlns:s=\"x\"><![CDATA[<servers>]]>"
						+ "<s:servers><s:server><s:id>codeartifact</s:id><s:password>old</s:password></s:server>"
						+ "</s:servers></s:settings>",
						"<s:settings xmlns:s=\"x\"><![CDATA[<servers>]]><s:servers><s:server><s:id>codeartifact</s:id>"
								+ "<s:password>" + TOKEN + "</s:password></s:server></s:servers></s:settings>"),
				arguments("CRLF", crlf("<settings>\n  <servers>\n  </servers>\n</settings>\n"),
						crlf("<settings>\n  <servers>\n    " + SERVER + "\n  </servers>\n</settings>\n")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("writes")
	void write(String name, String input, String expected) {
		LoginFileEditorCases.assertWrite(new MavenSettingsEditor(), REPOSITORIES, input, expected);
		String removed = new MavenSettingsEditor().remove(expected, REPOSITORIES);
		assertThat(removed).doesNotContain(TOKEN);
		if (!input.contains("codeartifact</") && !input.isEmpty() && !input.contains("<servers/>")
				&& !input.matches("(?s).*<servers>\\s*</servers>.*")) {
			assertThat(removed).isEqualTo(input);
		}
	}

	@Test
	void aTokenWithXmlCharactersIsEscaped() {
		assertThat(new MavenSettingsEditor().write("<settings/>", REPOSITORIES, "a<b&c"))
			.contains("<password>a&lt;b&amp;c</password>");
	}

	static Stream<Arguments> unparseable() {
		return Stream.of(arguments("<settings><servers></settings>", "settings.xml is not well-formed XML: line 1"),
				arguments("<settings>\n<password>x</settings>", "settings.xml is not well-formed XML: line 2"),
				arguments("<project/>", "settings.xml has the root element <project>, not Maven's <settings>"),
				arguments("<!DOCTYPE settings [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><settings>&x;</settings>",
						"settings.xml is not well-formed XML: line 1"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("unparseable")
	void malformedSettingsAreRefused(String input, String problem) {
		assertThatExceptionOfType(UnparseableLoginFileException.class)
			.isThrownBy(() -> new MavenSettingsEditor().write(input, REPOSITORIES, TOKEN))
			.withMessageStartingWith(problem)
			.withMessageNotContaining(TOKEN);
	}

}
