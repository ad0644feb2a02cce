package io.github.codeartifact.buildtools;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The editing rules of one login file format: what the token lines are, where they go, and what
 * is removed again. Every other byte of the file is kept.
 */
interface LoginFileEditor {

	/**
	 * Returns the file with the configured repositories' lines set to the token.
	 * @param content the file's content, empty for a missing file
	 * @param repositories the configured repositories with their endpoints
	 * @param token the token
	 * @return the new content
	 * @throws UnparseableLoginFileException when the file cannot be edited safely
	 */
	String write(String content, List<ResolvedRepository> repositories, String token);

	/**
	 * Returns the file without the lines {@link #write} adds or sets.
	 * @param content the file's content
	 * @param repositories the configured repositories with their endpoints
	 * @return the new content
	 * @throws UnparseableLoginFileException when the file cannot be edited safely
	 */
	String remove(String content, List<ResolvedRepository> repositories);

	/**
	 * Returns the charset the tool reads the file in.
	 * @return UTF-8 unless the format says otherwise
	 */
	default Charset charset() {
		return StandardCharsets.UTF_8;
	}

}
