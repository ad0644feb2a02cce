package io.github.codeartifact.token;

/**
 * Where the refresh engine stands.
 */
public enum TokenStatus {

	/** No token has been fetched yet. */
	NO_TOKEN,

	/** A fresh token is held and no refresh is due. */
	FRESH,

	/** A fresh token is held and its successor is being fetched. */
	REFRESHING,

	/** A fresh token is held but the last attempts to replace it failed. */
	REFRESH_FAILING,

	/** The last token went stale or expired and no successor could be fetched. */
	EXPIRED

}
