package io.github.codeartifact.test;

import java.time.Instant;

/**
 * An authorization token the emulator handed out.
 *
 * @param value the opaque token
 * @param domain the domain it grants access to
 * @param owner the domain owner
 * @param expiration when it stops working
 */
record IssuedToken(String value, String domain, String owner, Instant expiration) {

	boolean isValidAt(Instant instant) {
		return instant.isBefore(this.expiration);
	}

	@Override
	public String toString() {
		// Tokens are secrets: never let one reach a log through toString().
		return "IssuedToken[domain=" + this.domain + ", owner=" + this.owner + ", expiration=" + this.expiration + "]";
	}

}
