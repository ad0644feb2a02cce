package io.github.codeartifact.buildtools;

/**
 * A login file that its tool would not read either, or that cannot be edited without guessing: it
 * is left untouched. The message says what is wrong and where (a line, never the line's text, which
 * may hold a token); {@link #getFix()} says what to do.
 */
final class UnparseableLoginFileException extends RuntimeException {

	private final String fix;

	UnparseableLoginFileException(String problem, String fix) {
		super(problem, null, false, false);
		this.fix = fix;
	}

	String getFix() {
		return this.fix;
	}

}
