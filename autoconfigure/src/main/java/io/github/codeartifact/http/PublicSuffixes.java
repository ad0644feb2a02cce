package io.github.codeartifact.http;

import java.util.Set;

/**
 * Recognizes the public suffixes a host wildcard must not cover: names under which anyone can
 * register or create hosts.
 * <p>
 * A small built-in rule rather than the Public Suffix List: no dependency of the starter ships the
 * list (Apache HttpClient has a copy, but it is optional here), and a wildcard for CodeArtifact
 * only needs to be refused when it is obviously too wide. It covers every one-label suffix
 * ({@code com}, {@code uk}, {@code internal}), the second-level registries of country codes
 * ({@code co.uk}, {@code com.au}, {@code or.jp}, ...: a generic label under a two-letter code), and
 * common shared hosting suffixes ({@code github.io}, {@code cloudfront.net}, ...). Suffixes under
 * {@code amazonaws.com} are refused by {@link CodeArtifactRepositoryHosts} with their own reason.
 */
final class PublicSuffixes {

	/** Labels that country-code registries use for their open second level. */
	private static final Set<String> SECOND_LEVEL_LABELS = Set.of("ac", "co", "com", "edu", "go", "gob", "gov", "govt",
			"ltd", "me", "mil", "ne", "net", "nom", "or", "org", "plc", "sch");

	/** Suffixes of shared hosting where anyone gets a subdomain. */
	private static final Set<String> SHARED_HOSTING = Set.of("appspot.com", "azurewebsites.net", "blogspot.com",
			"cloudfront.net", "firebaseapp.com", "github.io", "gitlab.io", "herokuapp.com", "netlify.app", "on.aws",
			"pages.dev", "vercel.app", "web.app", "workers.dev");

	private PublicSuffixes() {
	}

	/**
	 * Returns whether a name is a public suffix.
	 * @param name a lower-case host name without leading or trailing dot
	 * @return whether anyone can have hosts under it
	 */
	static boolean isPublicSuffix(String name) {
		String[] labels = name.split("\\.", -1);
		if (labels.length == 1) {
			return true;
		}
		if (labels.length == 2 && SECOND_LEVEL_LABELS.contains(labels[0]) && labels[1].length() == 2) {
			return true;
		}
		return SHARED_HOSTING.contains(name);
	}

}
