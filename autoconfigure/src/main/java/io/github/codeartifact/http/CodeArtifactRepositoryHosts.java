package io.github.codeartifact.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Decides which request URIs are CodeArtifact repository URIs and so may carry the token. A URI
 * matches when it is one of:
 * <ul>
 * <li>an {@code https} URI whose host is a CodeArtifact host of AWS,
 * {@code *.codeartifact.<region>.amazonaws.com} (or {@code .amazonaws.com.cn}), on any port;</li>
 * <li>a URI with the scheme, host and port of a repository endpoint resolved by
 * {@link io.github.codeartifact.repository.CodeArtifactRepositoryEndpoints} (the port counts: another
 * server on the same host is not trusted);</li>
 * <li>a URI whose host is a configured host ({@code codeartifact.http.hosts}): {@code host} trusts
 * every port of the host, {@code host:port} that port only, {@code *.example.com} every subdomain.
 * Names are compared as written, case aside: {@code localhost} and {@code 127.0.0.1} are different
 * hosts.</li>
 * </ul>
 * Nothing else: the token never leaves for another host.
 */
public final class CodeArtifactRepositoryHosts {

	private static final Pattern AWS_HOST = Pattern
		.compile("(?:[a-z0-9-]+\\.)+codeartifact\\.[a-z0-9-]+\\.amazonaws\\.com(?:\\.cn)?");

	private final List<HostRule> configured;

	private final Predicate<URI> resolved;

	/**
	 * Creates the matcher.
	 * @param configuredHosts the configured hosts: {@code host}, {@code host:port} or
	 * {@code *.domain}
	 * @param resolvedEndpoints whether a URI points at a resolved repository endpoint
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
	 * A configured host.
	 *
	 * @param host the host name, lower case, without brackets; for a wildcard, the suffix with its
	 * leading dot
	 * @param wildcard whether it matches the subdomains of {@code host}
	 * @param port the port, or {@code -1} for any
	 */
	record HostRule(String host, boolean wildcard, int port) {

		static HostRule parse(String entry) {
			String value = entry.strip().toLowerCase(Locale.ROOT);
			if (value.isEmpty() || value.contains("/")) {
				throw new IllegalArgumentException(
						"A host must be 'host', 'host:port' or '*.domain', without scheme or path: '" + entry + "'");
			}
			int port = -1;
			String host = value;
			int colon = value.lastIndexOf(':');
			boolean bracketed = value.startsWith("[");
			if (colon > 0 && (bracketed ? value.indexOf(']') < colon : value.indexOf(':') == colon)) {
				port = parsePort(value.substring(colon + 1), entry);
				host = value.substring(0, colon);
			}
			if (host.startsWith("[") && host.endsWith("]")) {
				host = host.substring(1, host.length() - 1);
			}
			boolean wildcard = host.startsWith("*.");
			if (wildcard) {
				host = host.substring(1);
			}
			if (host.isEmpty() || host.contains("*")) {
				throw new IllegalArgumentException("Not a host: '" + entry + "'");
			}
			return new HostRule(host, wildcard, port);
		}

		private static int parsePort(String port, String entry) {
			try {
				int value = Integer.parseInt(port);
				if (value >= 0 && value <= 65535) {
					return value;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException("Not a port in host '" + entry + "'");
		}

		boolean matches(String requestHost, int requestPort, @Nullable String scheme) {
			String bare = (requestHost.startsWith("[") && requestHost.endsWith("]"))
					? requestHost.substring(1, requestHost.length() - 1) : requestHost;
			boolean hostMatches = this.wildcard ? bare.endsWith(this.host) && bare.length() > this.host.length()
					: bare.equals(this.host);
			return hostMatches && (this.port < 0 || this.port == effectivePort(requestPort, scheme));
		}

		private static int effectivePort(int port, @Nullable String scheme) {
			if (port >= 0) {
				return port;
			}
			return "http".equalsIgnoreCase(scheme) ? 80 : 443;
		}

	}

}
