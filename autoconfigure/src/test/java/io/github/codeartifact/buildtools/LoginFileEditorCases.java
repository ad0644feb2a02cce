package io.github.codeartifact.buildtools;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table rows of the login-file editors: a file before, the file after a write, and the rules
 * every row must also keep: a second write with a new token changes only the token, and removing
 * gives back a file without our lines.
 */
final class LoginFileEditorCases {

	static final String HOST = "my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com";

	static final String TOKEN = "tok-1.A_b";

	static final String NEXT_TOKEN = "tok-2.C_d";

	private LoginFileEditorCases() {
	}

	static ResolvedRepository repository(String id, PackageFormat format, @Nullable String scope, String path) {
		return new ResolvedRepository(new BuildToolRepository(id, "repo", format, scope, null),
				URI.create("https://" + HOST + path));
	}

	/**
	 * Checks one row: the write gives the expected file, a second write with the next token gives
	 * the same file with only the token changed, and writing it again with the same token changes
	 * nothing.
	 */
	static void assertWrite(LoginFileEditor editor, List<ResolvedRepository> repositories, String input,
			String expected) {
		String written = editor.write(input, repositories, TOKEN);
		assertThat(written).isEqualTo(expected);
		assertThat(editor.write(written, repositories, TOKEN)).as("the same token again").isEqualTo(written);
		assertThat(editor.write(written, repositories, NEXT_TOKEN)).as("a new token changes only the token")
			.isEqualTo(written.replace(TOKEN, NEXT_TOKEN));
	}

	/** CRLF of a row written with LF. */
	static String crlf(String text) {
		return text.replace("\n", "\r\n");
	}

}
