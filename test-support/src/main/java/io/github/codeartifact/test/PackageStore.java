package io.github.codeartifact.test;

import java.util.List;
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

	/**
	 * Stores a file unless one is stored at the path already.
	 * @return whether the file was stored
	 */
	boolean putIfAbsent(String domain, String repository, String format, String path, byte[] content) {
		return this.files.putIfAbsent(key(domain, repository, format, path), content.clone()) == null;
	}

	/**
	 * Returns the paths stored below a directory of a repository's format endpoint.
	 * @param directory the directory path, ending with a slash, or empty for all
	 * @return the paths, sorted
	 */
	List<String> paths(String domain, String repository, String format, String directory) {
		String prefix = key(domain, repository, format, directory);
		int rootLength = key(domain, repository, format, "").length();
		return this.files.keySet()
			.stream()
			.filter((key) -> key.startsWith(prefix))
			.map((key) -> key.substring(rootLength))
			.sorted()
			.toList();
	}

	@Nullable byte[] get(String domain, String repository, String format, String path) {
		return this.files.get(key(domain, repository, format, path));
	}

	private static String key(String domain, String repository, String format, String path) {
		String relative = path.startsWith("/") ? path.substring(1) : path;
		return domain + '\n' + repository + '\n' + format + '\n' + relative;
	}

}
