package io.github.codeartifact.buildtools;

/**
 * How the last write of a login file ended.
 */
public enum LoginFileOutcome {

	/** The file holds the current token. */
	WRITTEN,

	/** The token lines were removed at shutdown ({@code remove-on-shutdown}). */
	REMOVED,

	/** The file is not in its tool's format and was left untouched. */
	UNPARSEABLE,

	/** The file could not be read or written (permissions, disk full, endpoints not resolved). */
	FAILED

}
