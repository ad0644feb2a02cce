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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link PipConfEditor} as a table: {@code index-url} or our words of {@code extra-index-url} in
 * {@code [global]}; everything else stays; what {@code configparser} refuses is refused.
 */
class PipConfEditorTests {

	private static final List<ResolvedRepository> ONE = List
		.of(LoginFileEditorCases.repository("pypi", PackageFormat.PYPI, null, "/pypi/my-repo/"));

	private static final List<ResolvedRepository> TWO = List.of(ONE.get(0),
			LoginFileEditorCases.repository("pypi-2", PackageFormat.PYPI, null, "/pypi/second/"));

	private static final String URL = "https://aws:" + TOKEN + "@" + HOST + "/pypi/my-repo/simple/";

	private static final String URL_2 = "https://aws:" + TOKEN + "@" + HOST + "/pypi/second/simple/";

	static Stream<Arguments> writes() {
		return Stream.of(arguments("a missing file", PipIndex.INDEX_URL, ONE, "", "[global]\nindex-url = " + URL + "\n"),
				arguments("other sections and keys stay, the old index is replaced", PipIndex.INDEX_URL, ONE,
						"# mine\n[global]\ntimeout = 60\nindex-url = https://pypi.example.org/simple\n\n[install]\n"
								+ "user = true\n",
						"# mine\n[global]\ntimeout = 60\nindex-url = " + URL + "\n\n[install]\nuser = true\n"),
				arguments("pip's underscore spelling is the same key", PipIndex.INDEX_URL, ONE,
						"[global]\nindex_url=https://old.example/simple\n", "[global]\nindex_url=" + URL + "\n"),
				arguments("a [global] is added after the other sections", PipIndex.INDEX_URL, ONE,
						"[install]\nuser = true", "[install]\nuser = true\n[global]\nindex-url = " + URL + "\n"),
				arguments("the second repository becomes an extra index", PipIndex.INDEX_URL, TWO,
						"[global]\ntimeout=5\n",
						"[global]\ntimeout=5\nindex-url = " + URL + "\nextra-index-url = " + URL_2 + "\n"),
				arguments("extra-index-url keeps the other indexes and adds ours", PipIndex.EXTRA_INDEX_URL, TWO,
						"[global]\nextra-index-url =\n    https://other.example/simple\n",
						"[global]\nextra-index-url =\n    https://other.example/simple\n    " + URL + "\n    " + URL_2 + "\n"),
				arguments("our expired word is replaced in place", PipIndex.EXTRA_INDEX_URL, ONE,
						"[global]\nextra-index-url = https://aws:old@" + HOST + "/pypi/my-repo/simple/ https://o.example/s\n",
						"[global]\nextra-index-url = " + URL + " https://o.example/s\n"),
				arguments("CRLF", PipIndex.INDEX_URL, ONE, crlf("[global]\ntimeout = 1\n"),
						crlf("[global]\ntimeout = 1\nindex-url = " + URL + "\n")),
				arguments("comments in the section stay", PipIndex.INDEX_URL, ONE,
						"[global]\n; the index\nindex-url: https://old.example/\n# end\n",
						"[global]\n; the index\nindex-url: " + URL + "\n# end\n"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("writes")
	void write(String name, PipIndex index, List<ResolvedRepository> repositories, String input, String expected) {
		LoginFileEditorCases.assertWrite(new PipConfEditor(index), repositories, input, expected);
		String removed = new PipConfEditor(index).remove(expected, repositories);
		assertThat(removed).doesNotContain(TOKEN).doesNotContain(HOST);
		input.lines()
			.filter((line) -> !line.matches("(index[-_]url|extra-index-url)\\s*[=:].*") && !line.contains(HOST))
			.forEach((line) -> assertThat(removed).as("kept by removal").contains(line));
	}

	static Stream<Arguments> unparseable() {
		return Stream.of(arguments("index-url = x\n", "line 1 has an entry before the first [section] header"),
				arguments("[global]\njust words\n", "line 2 is neither a [section]"),
				arguments("[global]\na=1\n[global]\nb=2\n", "section [global] appears twice (line 3)"),
				arguments("[global]\nIndex-URL=a\nindex-url=b\n", "key 'index-url' appears twice in section [global]"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("unparseable")
	void whatConfigparserRefusesIsRefused(String input, String problem) {
		assertThatExceptionOfType(UnparseableLoginFileException.class)
			.isThrownBy(() -> new PipConfEditor(PipIndex.INDEX_URL).write(input, ONE, TOKEN))
			.withMessageContaining("pip.conf is not a file Python's configparser reads: " + problem)
			.satisfies((ex) -> assertThat(ex.getFix()).startsWith("Fix the file"));
	}

}
