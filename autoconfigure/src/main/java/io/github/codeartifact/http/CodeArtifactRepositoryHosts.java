package io.github.codeartifact.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.github.codeartifact.autoconfigure.InvalidCodeArtifactPropertyException;
import org.jspecify.annotations.Nullable;

/**
 * Decides which request URIs are CodeArtifact repository URIs and so may carry the token. A URI
 * matches when it is one of:
 * <ul>
 * <li>an {@code https} URI whose host is a CodeArtifact repository host of AWS, on any port:
 * {@code <domain>-<owner>.d.codeartifact.<region>.amazonaws.com} (or {@code .amazonaws.com.cn}), or
 * a repositories VPC endpoint {@code vpce-<id>.d.codeartifact.<region>.vpce.amazonaws.com}; no other
 * AWS name, so S3 buckets such as {@code x.codeartifact.s3.amazonaws.com} never match;</li>
 * <li>a URI with the scheme, host and port of a repository endpoint resolved by
 * {@link io.github.codeartifact.repository.CodeArtifactRepositoryEndpoints} (the port counts: another
 * server on the same host is not trusted);</li>
 * <li>a URI whose host is a configured host ({@code codeartifact.http.hosts}): {@code host} trusts
 * every port of the host, {@code host:port} that port only, {@code *.example.com} every subdomain.
 * Configured hosts get the token over {@code https} only, unless the entry is written
 * {@code http://host...} or the host is a loopback one ({@code localhost}, {@code 127.0.0.0/8},
 * {@code [::1]}); {@code https://host} is the same as {@code host}. Names are compared as written,
 * case aside: {@code localhost} and {@code 127.0.0.1} are different hosts.</li>
 * </ul>
 * Nothing else: the token never leaves for another host.
 * <p>
 * Entries that would send the token to hosts nobody meant are refused with an
 * {@link InvalidCodeArtifactPropertyException}: {@code *}, wildcards over a public suffix
 * ({@code *.com}, {@code *.co.uk}, see {@link PublicSuffixes}) or over AWS names, empty labels
 * ({@code *.}, {@code .com}, {@code a..b}), user information ({@code user@host}), a path, and any
 * scheme but {@code http://} and {@code https://}.
 */
public final class CodeArtifactRepositoryHosts {

	/** The property of the configured hosts. */
	public static final String PROPERTY = CodeArtifactHttpProperties.PREFIX + ".hosts";

	private static final String REGION = "[a-z]{2}(?:-[a-z]+)+-[0-9]+";

	private static final Pattern AWS_HOST = Pattern
		.compile("(?:[a-z][a-z0-9-]{0,48}[a-z0-9]-[0-9]{12}\\.d\\.codeartifact\\." + REGION + "\\.amazonaws"
				+ "|vpce-[0-9a-z]+-[0-9a-z]+\\.d\\.codeartifact\\." + REGION + "\\.vpce\\.amazonaws)\\.com(?:\\.cn)?");

	private static final String FIX_LIST_HOSTS = "List the repository hosts themselves, such as 'repo.example.com', "
			+ "'repo.example.com:8443' or '*.repo.example.com'.";

	private final List<HostRule> configured;

	private final Predicate<URI> resolved;

	/**
	 * Creates the matcher.
	 * @param configuredHosts the configured hosts: {@code host}, {@code host:port} or
	 * {@code *.domain}, each optionally with {@code https://}, or with {@code http://} to get the
	 * token over plain http too
	 * @param resolvedEndpoints whether a URI points at a resolved repository endpoint
	 * @throws InvalidCodeArtifactPropertyException naming {@value #PROPERTY}, the entry, the rule it
	 * breaks and a fix
	 */
	public CodeArtifactRepositoryHosts(Collection<String> configuredHosts, Predicate<URI> resolvedEndpoints) {
		List<HostRule> rules = new ArrayList<>();
		for (String host : configuredHosts) {
			rules.add(HostRule.parse(host));
		}
		this.configured = List.copyOf(rules);
		this.resolved = resolvedEndpoints;
	}

	/**
	 * Returns whether a request to this URI may carry the token.
	 * @param uri the request URI
	 * @return whether the URI is a CodeArtifact repository URI
	 */
	public boolean matches(URI uri) {
		String host = uri.getHost();
		if (host == null || !uri.isAbsolute()) {
			return false;
		}
		host = host.toLowerCase(Locale.ROOT);
		if ("https".equalsIgnoreCase(uri.getScheme()) && AWS_HOST.matcher(host).matches()) {
			return true;
		}
		for (HostRule rule : this.configured) {
			if (rule.matches(host, uri.getPort(), uri.getScheme())) {
				return true;
			}
		}
		return this.resolved.test(uri);
	}

	/**
	 * Describes the rules, as logged at startup. It holds no secret.
	 */
	@Override
	public String toString() {
		return "https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com[.cn] and the repositories VPC "
				+ "endpoints of AWS, the repository endpoints resolved at run time, and " + PROPERTY + " "
				+ this.configured;
	}

	/**
	 * A configured host.
	 *
	 * @param host the host name, lower case, without brackets; for a wildcard, the suffix with its
	 * leading dot
	 * @param wildcard whether it matches the subdomains of {@code host}
	 * @param port the port, or {@code -1} for any
	 * @param plainHttp whether the token also goes over plain http
	 */
	record HostRule(String host, boolean wildcard, int port, boolean plainHttp) {

		private static final Pattern LABEL = Pattern.compile("[a-z0-9_-]{1,63}");

		static HostRule parse(String entry) {
			String value = entry.strip().toLowerCase(Locale.ROOT);
			if (value.isEmpty()) {
				throw invalid(entry, "must not contain an empty entry", "Remove the empty entry.");
			}
			boolean plainHttp = false;
			int schemeEnd = value.indexOf("://");
			if (schemeEnd >= 0) {
				String scheme = value.substring(0, schemeEnd);
				if (!scheme.equals("http") && !scheme.equals("https")) {
					throw invalid(entry, "entries take no scheme but 'http://' (the token also over plain http) or "
							+ "'https://' (the default): '" + entry + "' has '" + scheme + "'",
							"Write 'host', 'host:port' or '*.domain' for https, or 'http://host' to allow plain http.");
				}
				plainHttp = scheme.equals("http");
				value = value.substring(schemeEnd + 3);
			}
			if (value.contains("@")) {
				throw invalid(entry, "entries must not contain user information: '" + entry + "'",
						"Remove 'user@': write the host alone, such as 'repo.example.com'.");
			}
			if (value.contains("/") || value.contains("?") || value.contains("#")) {
				throw invalid(entry, "entries are hosts, without path, query or fragment: '" + entry + "'",
						"Write the host alone, such as 'repo.example.com' or 'repo.example.com:8443'.");
			}
			int port = -1;
			String host = value;
			int colon = value.lastIndexOf(':');
			if (value.startsWith("[")) {
				int close = value.indexOf(']');
				if (close < 0 || !value.substring(1, close).matches("[0-9a-f:.]*:[0-9a-f:.]*")
						|| (close + 1 < value.length() && value.charAt(close + 1) != ':')) {
					throw invalid(entry, "an IPv6 address must be written in brackets: '" + entry + "'",
							"Write '[::1]' or '[::1]:8443'.");
				}
				host = value.substring(1, close);
				if (close + 1 < value.length()) {
					port = parsePort(value.substring(close + 2), entry);
				}
				return new HostRule(host, false, port, plainHttp);
			}
			if (colon >= 0) {
				if (value.indexOf(':') != colon) {
					throw invalid(entry, "an IPv6 address must be written in brackets: '" + entry + "'",
							"Write '[::1]' or '[::1]:8443'.");
				}
				port = parsePort(value.substring(colon + 1), entry);
				host = value.substring(0, colon);
			}
			boolean wildcard = host.startsWith("*.");
			String name = wildcard ? host.substring(2) : host;
			if (host.equals("*")) {
				throw invalid(entry, "must not contain '*': it sends the token to every host", FIX_LIST_HOSTS);
			}
			if (name.contains("*")) {
				throw invalid(entry, "a wildcard is a leading '*.' followed by a domain: '" + entry + "'", FIX_LIST_HOSTS);
			}
			checkLabels(name, entry);
			if (wildcard) {
				checkWildcardSuffix(name, entry);
			}
			return new HostRule(wildcard ? "." + name : name, wildcard, port, plainHttp);
		}

		private static void checkLabels(String name, String entry) {
			for (String label : name.split("\\.", -1)) {
				if (label.isEmpty()) {
					throw invalid(entry, "host names must not have empty labels: '" + entry + "'",
							"Write the full host name without a leading, trailing or doubled dot, such as "
									+ "'repo.example.com' or '*.repo.example.com'.");
				}
				if (!LABEL.matcher(label).matches()) {
					throw invalid(entry,
							"host names are ASCII letters, digits, '-' and '_' in labels of 1 to 63 characters: '"
									+ entry + "'",
							"Write the host name as DNS has it: an internationalized name in its 'xn--' form.");
				}
			}
		}

		private static void checkWildcardSuffix(String suffix, String entry) {
			if (suffix.equals("amazonaws.com") || suffix.endsWith(".amazonaws.com") || suffix.equals("amazonaws.com.cn")
					|| suffix.endsWith(".amazonaws.com.cn")) {
				throw invalid(entry, "wildcards must not cover AWS names: '" + entry
						+ "' matches S3 buckets and other names that anyone can create",
						"Leave CodeArtifact hosts out: <domain>-<owner>.d.codeartifact.<region>.amazonaws.com gets "
								+ "the token without configuration. List other hosts one by one.");
			}
			if (PublicSuffixes.isPublicSuffix(suffix)) {
				throw invalid(entry, "wildcards must not cover a public suffix: '" + entry
						+ "' matches every host under '" + suffix + "'", FIX_LIST_HOSTS);
			}
		}

		private static int parsePort(String port, String entry) {
			try {
				int value = Integer.parseInt(port);
				if (value >= 1 && value <= 65535) {
					return value;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw invalid(entry, "a port is a number from 1 to 65535: '" + entry + "'",
					"Write 'host' for every port or 'host:8443' for one.");
		}

		private static InvalidCodeArtifactPropertyException invalid(String entry, String rule, String action) {
			return new InvalidCodeArtifactPropertyException(PROPERTY, entry, rule, action);
		}

		boolean matches(String requestHost, int requestPort, @Nullable String scheme) {
			String bare = (requestHost.startsWith("[") && requestHost.endsWith("]"))
					? requestHost.substring(1, requestHost.length() - 1) : requestHost;
			boolean hostMatches = this.wildcard ? bare.endsWith(this.host) : bare.equals(this.host);
			return hostMatches && schemeAllowed(scheme) && (this.port < 0 || this.port == effectivePort(requestPort, scheme));
		}

		private boolean schemeAllowed(@Nullable String scheme) {
			if ("https".equalsIgnoreCase(scheme)) {
				return true;
			}
			return "http".equalsIgnoreCase(scheme) && (this.plainHttp || isLoopback());
		}

		/**
		 * Returns whether the host is a loopback one: the token cannot leave the machine.
		 */
		boolean isLoopback() {
			if (this.wildcard) {
				return false;
			}
			return this.host.equals("localhost") || this.host.matches("127(?:\\.[0-9]{1,3}){3}")
					|| this.host.matches("(?:0{0,4}:){2,7}0{0,3}1");
		}

		private static int effectivePort(int port, @Nullable String scheme) {
			if (port >= 0) {
				return port;
			}
			return "http".equalsIgnoreCase(scheme) ? 80 : 443;
		}

		@Override
		public String toString() {
			String scheme = (this.plainHttp || isLoopback()) ? "http(s)://" : "https://";
			String name = this.wildcard ? "*" + this.host : (this.host.contains(":") ? "[" + this.host + "]" : this.host);
			String port = (this.port < 0) ? " (any port)" : ":" + this.port;
			return scheme + name + port + (isLoopback() && !this.plainHttp ? " (loopback)" : "");
		}

	}

}
