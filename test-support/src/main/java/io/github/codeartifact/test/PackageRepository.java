package io.github.codeartifact.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Serves the repositories behind the repository endpoints, each format by its own
 * {@link FormatEndpoint}, only to requests that carry an unexpired token of the
 * repository's domain ({@code Basic aws:TOKEN} or {@code Bearer TOKEN}; npm sends its
 * {@code _authToken} as the latter).
 */
final class PackageRepository {

	private static final String REALM = "Basic realm=\"CodeArtifact\"";

	private final Inventory inventory;

	private final Map<String, FormatEndpoint> endpoints;

	private final FormatEndpoint seededFiles;

	private final TokenRegistry tokens;

	private final Clock clock;

	PackageRepository(Inventory inventory, Map<String, FormatEndpoint> endpoints, FormatEndpoint seededFiles,
			TokenRegistry tokens, Clock clock) {
		this.inventory = inventory;
		this.endpoints = Map.copyOf(endpoints);
		this.seededFiles = seededFiles;
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * Parses a package request path.
	 * @param rawPath the encoded request path
	 * @return the coordinates or {@code null} when the path is not a repository file path
	 */
	static @Nullable Coordinates coordinates(String rawPath) {
		String[] segments = rawPath.substring(1).split("/", 4);
		// An empty file path is the endpoint itself, where twine uploads.
		if (segments.length < 4) {
			return null;
		}
		String domainAndOwner = decode(segments[0]);
		int dash = domainAndOwner.lastIndexOf('-');
		if (dash < 1 || !domainAndOwner.substring(dash + 1).matches("[0-9]{12}")) {
			return null;
		}
		return new Coordinates(domainAndOwner.substring(0, dash), domainAndOwner.substring(dash + 1),
				decode(segments[1]), decode(segments[2]), decode(segments[3]));
	}

	Answer answer(Coordinates coordinates, HttpRequestMessage request) {
		if (!isAuthorized(coordinates, request.header("Authorization"))) {
			Map<String, String> headers = Map.of("WWW-Authenticate", REALM);
			return Answer.of(HttpReply.of(401, headers, "Unauthorized\n".getBytes(StandardCharsets.UTF_8)), null);
		}
		if (!this.inventory.servesFormat(coordinates.domain(), coordinates.repository(), coordinates.format())) {
			return Answer.of(RepositoryReplies.notFound(), null);
		}
		FormatEndpoint endpoint = this.endpoints.getOrDefault(coordinates.format(), this.seededFiles);
		return Answer.of(endpoint.answer(coordinates, request), null);
	}

	private boolean isAuthorized(Coordinates coordinates, @Nullable String authorization) {
		String token = token(authorization);
		if (token == null) {
			return false;
		}
		IssuedToken issued = this.tokens.find(token);
		return issued != null && issued.domain().equals(coordinates.domain())
				&& issued.owner().equals(coordinates.owner()) && issued.isValidAt(this.clock.instant());
	}

	private static @Nullable String token(@Nullable String authorization) {
		if (authorization == null) {
			return null;
		}
		if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).trim();
		}
		if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			String decoded;
			try {
				decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			int colon = decoded.indexOf(':');
			return (colon > 0 && decoded.substring(0, colon).equals("aws")) ? decoded.substring(colon + 1) : null;
		}
		return null;
	}

	private static String decode(String segment) {
		try {
			return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return segment;
		}
	}

	/**
	 * Where a package request points.
	 *
	 * @param domain the domain
	 * @param owner the domain owner
	 * @param format the package format
	 * @param repository the repository
	 * @param file the file path inside the repository
	 */
	record Coordinates(String domain, String owner, String format, String repository, String file) {

		Map<String, String> toParameters(String method) {
			Map<String, String> parameters = new LinkedHashMap<>();
			parameters.put("method", method);
			parameters.put("domain", this.domain);
			parameters.put("domain-owner", this.owner);
			parameters.put("format", this.format);
			parameters.put("repository", this.repository);
			parameters.put("path", this.file);
			return parameters;
		}

	}

}
