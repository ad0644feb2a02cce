package io.github.codeartifact.buildtools;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import static io.github.codeartifact.buildtools.LoginFileEditorCases.HOST;
import static io.github.codeartifact.buildtools.LoginFileEditorCases.TOKEN;
import static io.github.codeartifact.buildtools.LoginFileEditorCases.crlf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link NpmrcEditor} as a table: only our registry and {@code _authToken} lines change.
 */
class NpmrcEditorTests {

	private static final List<ResolvedRepository> REPOSITORIES = List.of(
			LoginFileEditorCases.repository("npm", PackageFormat.NPM, null, "/npm/my-repo/"),
			LoginFileEditorCases.repository("npm-org", PackageFormat.NPM, "@my-org", "/npm/org-repo/"),
			LoginFileEditorCases.repository("maven", PackageFormat.MAVEN, null, "/maven/my-repo/"));

	private static final String OURS = "registry=https://" + HOST + "/npm/my-repo/\n//" + HOST
			+ "/npm/my-repo/:_authToken=" + TOKEN + "\n@my-org:registry=https://" + HOST + "/npm/org-repo/\n//" + HOST
			+ "/npm/org-repo/:_authToken=" + TOKEN + "\n";

	static Stream<Arguments> writes() {
		return Stream.of(arguments("a missing file", "", OURS),
				arguments("other settings, comments and registries stay", "; mine\nsave-exact=true\n"
						+ "//registry.example.org/:_authToken=other\n@other:registry=https://registry.example.org/\n",
						"; mine\nsave-exact=true\n//registry.example.org/:_authToken=other\n"
								+ "@other:registry=https://registry.example.org/\n" + OURS),
				arguments("our lines are replaced where they are", "registry = https://old.example/\n# c\n//" + HOST
						+ "/npm/my-repo/:_authToken=expired\nfund=false\n",
						"registry=https://" + HOST + "/npm/my-repo/\n# c\n//" + HOST + "/npm/my-repo/:_authToken=" + TOKEN
								+ "\nfund=false\n@my-org:registry=https://" + HOST + "/npm/org-repo/\n//" + HOST
								+ "/npm/org-repo/:_authToken=" + TOKEN + "\n"),
				arguments("a later duplicate, which npm would read last, goes", "registry=https://a.example/\n"
						+ "x=1\nregistry=https://b.example/\n", "registry=https://" + HOST + "/npm/my-repo/\nx=1\n"
								+ OURS.substring(OURS.indexOf('\n') + 1)),
				arguments("no newline at the end", "fund=false", "fund=false\n" + OURS),
				arguments("CRLF", crlf("fund=false\n"), crlf("fund=false\n" + OURS)),
				arguments("keys in a section are not ours: top-level lines go before it",
						"fund=false\n[section]\nregistry=https://nested.example/\n",
						"fund=false\n" + OURS + "[section]\nregistry=https://nested.example/\n"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("writes")
	void write(String name, String input, String expected) {
		LoginFileEditorCases.assertWrite(new NpmrcEditor(), REPOSITORIES, input, expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("writes")
	void removeTakesOurLinesAndKeepsTheOthers(String name, String input, String expected) {
		String removed = new NpmrcEditor().remove(expected, REPOSITORIES);
		assertThat(removed).doesNotContain(TOKEN).doesNotContain("registry=https://" + HOST);
		assertThat(new NpmrcEditor().remove(removed, REPOSITORIES)).isEqualTo(removed);
		if (!input.contains(HOST) && !input.startsWith("registry=") && input.endsWith("\n")) {
			assertThat(removed).isEqualTo(input);
		}
	}

}
