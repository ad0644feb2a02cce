package io.github.codeartifact.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The files tests seeded into repositories, by domain, repository, format and path.
 */
final class PackageStore {

	private final Map<String, byte[]> files = new ConcurrentHashMap<>();

	void put(String domain, String repository, String format, String path, byte[] content) {
		this.files.put(key(domain, repository, format, path), content.clone());
	}

	@Nullable byte[] get(String domain, String repository, String format, String path) {
		return this.files.get(key(domain, repository, format, path));
	}

	private static String key(String domain, String repository, String format, String path) {
		String relative = path.startsWith("/") ? path.substring(1) : path;
		return domain + '\n' + repository + '\n' + format + '\n' + relative;
	}

}
