package io.github.codeartifact.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * An npm registry: the package document (packument) with each version's
 * {@code dist.tarball}, {@code dist.shasum} and {@code dist.integrity}, tarball downloads,
 * {@code npm publish} (a PUT of the package document with the tarball as a base64
 * attachment; a version is published once, a second time is a 409) and dist-tags
 * ({@code /-/package/NAME/dist-tags[/TAG]}).
 */
final class NpmEndpoint implements FormatEndpoint {

	private static final String DIST_TAGS = "-/package/";

	private final PackageStore store;

	private final RepositoryEndpoints repositoryEndpoints;

	private final Clock clock;

	private final Map<String, NpmPackage> packages = new ConcurrentHashMap<>();

	NpmEndpoint(PackageStore store, RepositoryEndpoints repositoryEndpoints, Clock clock) {
		this.store = store;
		this.repositoryEndpoints = repositoryEndpoints;
		this.clock = clock;
	}

	@Override
	public HttpReply answer(PackageRepository.Coordinates coordinates, HttpRequestMessage request) {
		String path = coordinates.file();
		String method = request.method();
		if (path.startsWith(DIST_TAGS) && path.contains("/dist-tags")) {
			return distTags(coordinates, path.substring(DIST_TAGS.length()), request);
		}
		if (path.contains("/-/")) {
			if (!method.equals("GET") && !method.equals("HEAD")) {
				return RepositoryReplies.methodNotAllowed("GET, HEAD");
			}
			byte[] tarball = this.store.get(coordinates.domain(), coordinates.repository(), coordinates.format(), path);
			return (tarball != null) ? RepositoryReplies.ok("application/octet-stream", tarball)
					: RepositoryReplies.notFound();
		}
		return switch (method) {
			case "GET", "HEAD" -> packument(coordinates, path);
			case "PUT" -> publish(coordinates, path, request.body());
			default -> RepositoryReplies.methodNotAllowed("GET, HEAD, PUT");
		};
	}

	/**
	 * Publishes a version, as {@code npm publish} does.
	 * @param coordinates the repository
	 * @param manifest the version's {@code package.json}
	 * @param tarball the tarball
	 * @param tag the dist-tag to point at the version
	 * @return {@code true} unless the version was published before
	 */
	synchronized boolean publish(PackageRepository.Coordinates coordinates, Map<String, Object> manifest,
			byte[] tarball, String tag) {
		String name = String.valueOf(manifest.get("name"));
		String version = String.valueOf(manifest.get("version"));
		NpmPackage npmPackage = this.packages.computeIfAbsent(key(coordinates, name), (key) -> new NpmPackage());
		if (npmPackage.versions.containsKey(version)) {
			return false;
		}
		String tarballPath = name + "/-/" + NpmPackageFiles.tarballName(name, version);
		this.store.put(coordinates.domain(), coordinates.repository(), coordinates.format(), tarballPath, tarball);
		Map<String, Object> published = new LinkedHashMap<>(manifest);
		Map<String, Object> dist = new LinkedHashMap<>();
		dist.put("tarball", this.repositoryEndpoints.endpoint(coordinates.domain(), coordinates.owner(), "npm",
				coordinates.repository()) + tarballPath);
		dist.put("shasum", Digests.hex("SHA-1", tarball));
		dist.put("integrity", Digests.integrity(tarball));
		published.put("dist", dist);
		published.put("_id", name + "@" + version);
		npmPackage.versions.put(version, published);
		npmPackage.times.put(version, this.clock.instant().toString());
		npmPackage.distTags.put(tag, version);
		return true;
	}

	private HttpReply packument(PackageRepository.Coordinates coordinates, String name) {
		NpmPackage npmPackage = this.packages.get(key(coordinates, name));
		if (npmPackage == null) {
			return RepositoryReplies.json(404, Map.of("error", "Not found"));
		}
		synchronized (this) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("_id", name);
			document.put("name", name);
			document.put("dist-tags", new LinkedHashMap<>(npmPackage.distTags));
			document.put("versions", new LinkedHashMap<>(npmPackage.versions));
			Map<String, Object> time = new LinkedHashMap<>(npmPackage.times);
			time.put("modified", this.clock.instant().toString());
			document.put("time", time);
			return RepositoryReplies.json(200, document);
		}
	}

	private HttpReply publish(PackageRepository.Coordinates coordinates, String name, byte[] body) {
		Map<?, ?> document;
		try {
			document = (JsonReader.parse(new String(body, StandardCharsets.UTF_8)) instanceof Map<?, ?> map) ? map
					: null;
		}
		catch (IllegalArgumentException ex) {
			return RepositoryReplies.json(400, Map.of("error", ex.getMessage()));
		}
		if (document == null || !(document.get("versions") instanceof Map<?, ?> versions) || versions.size() != 1
				|| !(document.get("_attachments") instanceof Map<?, ?> attachments) || attachments.size() != 1) {
			return RepositoryReplies.json(400,
					Map.of("error", "A publish carries the package document with one version and its tarball"));
		}
		Map<String, Object> manifest = stringKeys(versions.values().iterator().next());
		Object attachment = attachments.values().iterator().next();
		if (!name.equals(manifest.get("name")) || !(attachment instanceof Map<?, ?> file)
				|| !(file.get("data") instanceof String data)) {
			return RepositoryReplies.json(400,
					Map.of("error", "The version must be named " + name + " and the attachment carry data"));
		}
		byte[] tarball;
		try {
			tarball = Base64.getDecoder().decode(data);
		}
		catch (IllegalArgumentException ex) {
			return RepositoryReplies.json(400, Map.of("error", "The attachment data is not base64"));
		}
		if (manifest.get("dist") instanceof Map<?, ?> dist && dist.get("shasum") instanceof String shasum
				&& !shasum.equals(Digests.hex("SHA-1", tarball))) {
			return RepositoryReplies.json(400, Map.of("error", "dist.shasum does not match the tarball"));
		}
		String tag = (document.get("dist-tags") instanceof Map<?, ?> tags && !tags.isEmpty())
				? String.valueOf(tags.keySet().iterator().next()) : "latest";
		if (!publish(coordinates, manifest, tarball, tag)) {
			return RepositoryReplies.json(409, Map.of("error",
					"Cannot publish over the previously published version " + manifest.get("version")));
		}
		return RepositoryReplies.json(200, Map.of("ok", true, "id", name));
	}

	private HttpReply distTags(PackageRepository.Coordinates coordinates, String path, HttpRequestMessage request) {
		int tags = path.lastIndexOf("/dist-tags");
		String name = path.substring(0, tags);
		String tag = path.substring(tags + "/dist-tags".length());
		tag = tag.startsWith("/") ? tag.substring(1) : tag;
		NpmPackage npmPackage = this.packages.get(key(coordinates, name));
		if (npmPackage == null) {
			return RepositoryReplies.json(404, Map.of("error", "Not found"));
		}
		synchronized (this) {
			switch (request.method()) {
				case "GET", "HEAD" -> {
					return RepositoryReplies.json(200, new LinkedHashMap<>(npmPackage.distTags));
				}
				case "PUT" -> {
					Object version;
					try {
						version = JsonReader.parse(new String(request.body(), StandardCharsets.UTF_8));
					}
					catch (IllegalArgumentException ex) {
						version = null;
					}
					if (tag.isEmpty() || !(version instanceof String)
							|| !npmPackage.versions.containsKey(version)) {
						return RepositoryReplies.json(400,
								Map.of("error", "Set a dist-tag to a published version, as a JSON string"));
					}
					npmPackage.distTags.put(tag, (String) version);
				}
				case "DELETE" -> {
					if (tag.equals("latest") || npmPackage.distTags.remove(tag) == null) {
						return RepositoryReplies.json(400, Map.of("error", "Cannot remove dist-tag " + tag));
					}
				}
				default -> {
					return RepositoryReplies.methodNotAllowed("GET, HEAD, PUT, DELETE");
				}
			}
			return RepositoryReplies.json(200, new LinkedHashMap<>(npmPackage.distTags));
		}
	}

	private static Map<String, Object> stringKeys(@Nullable Object value) {
		Map<String, Object> map = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> members) {
			members.forEach((name, member) -> map.put(String.valueOf(name), member));
		}
		return map;
	}

	private static String key(PackageRepository.Coordinates coordinates, String name) {
		return String.join("\n", coordinates.domain(), coordinates.repository(), name);
	}

	/**
	 * What the registry holds of one package.
	 */
	private static final class NpmPackage {

		private final Map<String, Object> versions = new LinkedHashMap<>();

		private final Map<String, String> times = new LinkedHashMap<>();

		private final Map<String, String> distTags = new LinkedHashMap<>();

	}

}
