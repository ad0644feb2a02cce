package io.github.codeartifact.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The domains (with their owners) and repositories (with their formats) the emulator
 * knows, fixed when it is built.
 */
final class Inventory {

	/**
	 * Every package format of the service model.
	 */
	static final List<String> FORMATS = List.of("npm", "pypi", "maven", "nuget", "generic", "ruby", "swift",
			"cargo");

	private final Map<String, String> ownersByDomain;

	private final Map<String, Map<String, Set<String>>> repositoriesByDomain;

	Inventory(Map<String, String> ownersByDomain, Map<String, Map<String, Set<String>>> repositoriesByDomain) {
		this.ownersByDomain = Map.copyOf(ownersByDomain);
		Map<String, Map<String, Set<String>>> copy = new LinkedHashMap<>();
		repositoriesByDomain.forEach((domain, repositories) -> copy.put(domain, Map.copyOf(repositories)));
		this.repositoriesByDomain = Map.copyOf(copy);
	}

	@Nullable String owner(String domain) {
		return this.ownersByDomain.get(domain);
	}

	boolean hasRepository(String domain, String repository) {
		return this.repositoriesByDomain.getOrDefault(domain, Map.of()).containsKey(repository);
	}

	boolean servesFormat(String domain, String repository, String format) {
		return this.repositoriesByDomain.getOrDefault(domain, Map.of()).getOrDefault(repository, Set.of())
			.contains(format);
	}

	String requireOwner(String domain) {
		String owner = owner(domain);
		if (owner == null) {
			throw new IllegalArgumentException("Unknown domain: " + domain);
		}
		return owner;
	}

	void requireRepository(String domain, String repository) {
		if (!hasRepository(domain, repository)) {
			throw new IllegalArgumentException("Unknown repository " + repository + " in domain " + domain);
		}
	}

}
