package io.github.codeartifact.http;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;

/**
 * How the token travels in the {@code Authorization} header of a repository request.
 */
public enum AuthScheme {

	/** {@code Basic} with the user {@code aws} and the token as password, as Maven and Gradle send it. */
	BASIC {

		@Override
		String headerValue(String token) {
			return "Basic " + HttpHeaders.encodeBasicAuth(USER, token, StandardCharsets.UTF_8);
		}

	},

	/** {@code Bearer} with the token, as npm and the generic API accept it. */
	BEARER {

		@Override
		String headerValue(String token) {
			return "Bearer " + token;
		}

	};

	/** The user name CodeArtifact expects with Basic authentication. */
	public static final String USER = "aws";

	/**
	 * Returns the value of the {@code Authorization} header for a token. Never log it.
	 * @param token the token
	 * @return the header value
	 */
	abstract String headerValue(String token);

}
