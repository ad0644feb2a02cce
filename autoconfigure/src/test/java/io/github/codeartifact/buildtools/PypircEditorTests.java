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
 * {@link PypircEditor} as a table: a {@code [codeartifact]} section and {@code codeartifact} in
 * {@code [distutils] index-servers}, other servers kept.
 */
class PypircEditorTests {

	private static final List<ResolvedRepository> REPOSITORIES = List
		.of(LoginFileEditorCases.repository("pypi", PackageFormat.PYPI, null, "/pypi/my-repo/"));

	private static final String SECTION = "[codeartifact]\nrepository = https://" + HOST
			+ "/pypi/my-repo/\nusername = aws\npassword = " + TOKEN + "\n";

	static Stream<Arguments> writes() {
		return Stream.of(
				arguments("a missing file", "",
						"[distutils]\nindex-servers =\n    pypi\n    codeartifact\n" + SECTION),
				arguments("other servers stay and codeartifact is added to the list",
						"[distutils]\nindex-servers =\n    pypi\n    internal\n\n[internal]\nrepository = https://i.example/\n"
								+ "username = me\npassword = secret\n",
						"[distutils]\nindex-servers =\n    pypi\n    internal\n    codeartifact\n\n[internal]\n"
								+ "repository = https://i.example/\nusername = me\npassword = secret\n" + SECTION),
				arguments("a one-line list gets codeartifact on a line of its own",
						"[distutils]\nindex-servers = pypi\n",
						"[distutils]\nindex-servers = pypi\n    codeartifact\n" + SECTION),
				arguments("an existing section gets its values set, in place", "[distutils]\nindex-servers =\n"
						+ "    codeartifact\n[codeartifact]\n# ours\nrepository: https://old.example/\npassword: old\n",
						"[distutils]\nindex-servers =\n    codeartifact\n[codeartifact]\n# ours\nrepository: https://" + HOST
								+ "/pypi/my-repo/\npassword: " + TOKEN + "\nusername = aws\n"),
				arguments("a [distutils] without index-servers gets pypi and codeartifact", "[distutils]\n",
						"[distutils]\nindex-servers =\n    pypi\n    codeartifact\n" + SECTION),
				arguments("CRLF and no newline at the end", crlf("[pypi]\nusername = __token__"),
						crlf("[pypi]\nusername = __token__\n[distutils]\nindex-servers =\n    pypi\n    codeartifact\n"
								+ SECTION)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("writes")
	void write(String name, String input, String expected) {
		LoginFileEditorCases.assertWrite(new PypircEditor(), REPOSITORIES, input, expected);
		String removed = new PypircEditor().remove(expected, REPOSITORIES);
		assertThat(removed).doesNotContain(TOKEN).doesNotContain("codeartifact");
		if (!input.contains("codeartifact") && input.contains("index-servers")) {
			assertThat(removed).isEqualTo(input);
		}
	}

}
