package io.github.codeartifact.test;

import java.net.URI;

/**
 * Builds repository endpoint URIs on the emulator, mirroring the real host layout
 * {@code https://{domain}-{owner}.d.codeartifact.{region}.amazonaws.com/{format}/{repository}/}
 * as the path {@code /{domain}-{owner}/{format}/{repository}/}.
 */
final class RepositoryEndpoints {

	private final URI base;

	RepositoryEndpoints(URI base) {
		this.base = base;
	}

	URI endpoint(String domain, String owner, String format, String repository) {
		return URI.create(this.base + "/" + domain + "-" + owner + "/" + format + "/" + repository + "/");
	}

}
