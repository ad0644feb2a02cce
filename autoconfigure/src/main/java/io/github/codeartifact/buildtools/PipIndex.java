package io.github.codeartifact.buildtools;

/**
 * Which index option of pip's {@code [global]} section the PyPI repositories become.
 */
public enum PipIndex {

	/**
	 * The first PyPI repository replaces PyPI as {@code index-url} (what
	 * {@code aws codeartifact login --tool pip} does); further ones become {@code extra-index-url}.
	 */
	INDEX_URL,

	/**
	 * Every PyPI repository is added to {@code extra-index-url}, next to the index pip already
	 * uses: a package is taken from whichever index has the best version.
	 */
	EXTRA_INDEX_URL

}
