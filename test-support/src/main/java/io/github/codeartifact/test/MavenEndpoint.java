package io.github.codeartifact.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A Maven repository in the standard layout: GET and HEAD of files with {@code .md5},
 * {@code .sha1}, {@code .sha256} and {@code .sha512} checksums computed from the content,
 * and PUT to publish. Release files are immutable (a second upload is a 409, as
 * CodeArtifact answers); SNAPSHOT files may be replaced. Every published artifact file
 * updates the artifact's {@code maven-metadata.xml}, which the repository keeps itself
 * rather than taking the client's; a SNAPSHOT version's own metadata comes from the client.
 */
final class MavenEndpoint implements FormatEndpoint {

	static final Map<String, String> CHECKSUMS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256", "sha512",
			"SHA-512");

	private final PackageStore store;

	private final Clock clock;

	MavenEndpoint(PackageStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public HttpReply answer(PackageRepository.Coordinates coordinates, HttpRequestMessage request) {
		return switch (request.method()) {
			case "GET", "HEAD" -> get(coordinates);
			case "PUT" -> put(coordinates, request.body());
			default -> RepositoryReplies.methodNotAllowed("GET, HEAD, PUT");
		};
	}

	private HttpReply get(PackageRepository.Coordinates coordinates) {
		String path = coordinates.file();
		String algorithm = checksumAlgorithm(path);
		byte[] stored = file(coordinates, path);
		if (stored == null && algorithm != null) {
			byte[] checksummed = file(coordinates, checksummedPath(path));
			if (checksummed != null) {
				return RepositoryReplies.ok("text/plain",
						Digests.hex(algorithm, checksummed).getBytes(StandardCharsets.US_ASCII));
			}
		}
		return (stored != null) ? RepositoryReplies.ok(contentType(path), stored) : RepositoryReplies.notFound();
	}

	private synchronized HttpReply put(PackageRepository.Coordinates coordinates, byte[] body) {
		String path = coordinates.file();
		String algorithm = checksumAlgorithm(path);
		if (algorithm != null) {
			return putChecksum(coordinates, checksummedPath(path), algorithm, body);
		}
		ArtifactPath artifact = ArtifactPath.parse(path);
		if (path.endsWith("/" + MavenPackageFiles.METADATA)) {
			if (artifact != null && MavenPackageFiles.isSnapshot(artifact.version())) {
				store(coordinates, path, body);
			}
			else if (file(coordinates, path) == null) {
				// Group-level metadata (plugin prefixes) or an artifact the repository does not know yet.
				store(coordinates, path, body);
			}
			return RepositoryReplies.text(201, "Created");
		}
		if (artifact == null) {
			return RepositoryReplies.text(400, "Not a Maven artifact path (group/artifact/version/file): " + path);
		}
		if (MavenPackageFiles.isSnapshot(artifact.version())) {
			store(coordinates, path, body);
		}
		else if (!this.store.putIfAbsent(coordinates.domain(), coordinates.repository(), coordinates.format(), path,
				body)) {
			return RepositoryReplies.text(409,
					"Conflict: " + path + " is already published and release versions are immutable");
		}
		updateMetadata(coordinates, artifact);
		return RepositoryReplies.text(201, "Created");
	}

	private HttpReply putChecksum(PackageRepository.Coordinates coordinates, String checksummedPath, String algorithm,
			byte[] body) {
		byte[] checksummed = file(coordinates, checksummedPath);
		if (checksummed == null) {
			return RepositoryReplies.text(404, "No file " + checksummedPath + " to check the checksum against");
		}
		String sent = new String(body, StandardCharsets.US_ASCII).trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
		if (!sent.equals(Digests.hex(algorithm, checksummed))) {
			return RepositoryReplies.text(400, "Checksum mismatch: " + algorithm + " of " + checksummedPath
					+ " is not " + sent);
		}
		return RepositoryReplies.text(201, "Created");
	}

	private void updateMetadata(PackageRepository.Coordinates coordinates, ArtifactPath artifact) {
		String metadataPath = artifact.artifactDirectory() + MavenPackageFiles.METADATA;
		List<String> versions = new ArrayList<>(MavenPackageFiles.versions(file(coordinates, metadataPath)));
		if (!versions.contains(artifact.version())) {
			versions.add(artifact.version());
		}
		store(coordinates, metadataPath,
				MavenPackageFiles.metadata(artifact.groupId(), artifact.artifactId(), versions, this.clock.instant()));
	}

	private byte @Nullable [] file(PackageRepository.Coordinates coordinates, String path) {
		return this.store.get(coordinates.domain(), coordinates.repository(), coordinates.format(), path);
	}

	private void store(PackageRepository.Coordinates coordinates, String path, byte[] content) {
		this.store.put(coordinates.domain(), coordinates.repository(), coordinates.format(), path, content);
	}

	private static @Nullable String checksumAlgorithm(String path) {
		int dot = path.lastIndexOf('.');
		return (dot < 0) ? null : CHECKSUMS.get(path.substring(dot + 1));
	}

	private static String checksummedPath(String checksumPath) {
		return checksumPath.substring(0, checksumPath.lastIndexOf('.'));
	}

	private static String contentType(String path) {
		if (path.endsWith(".xml") || path.endsWith(".pom")) {
			return "application/xml";
		}
		return path.endsWith(".jar") ? "application/java-archive" : "application/octet-stream";
	}

	/**
	 * A file path below a version directory: {@code group/path/artifact/version/file}.
	 *
	 * @param groupId the group id
	 * @param artifactId the artifact id
	 * @param version the version (directory)
	 */
	record ArtifactPath(String groupId, String artifactId, String version) {

		static @Nullable ArtifactPath parse(String path) {
			String[] segments = path.split("/");
			if (segments.length < 4) {
				return null;
			}
			String version = segments[segments.length - 2];
			String artifactId = segments[segments.length - 3];
			String groupId = String.join(".", Arrays.copyOfRange(segments, 0, segments.length - 3));
			String file = segments[segments.length - 1];
			boolean artifactFile = file.startsWith(artifactId + "-");
			return (artifactFile || file.equals(MavenPackageFiles.METADATA)) ? new ArtifactPath(groupId, artifactId, version)
					: null;
		}

		String artifactDirectory() {
			return this.groupId.replace('.', '/') + "/" + this.artifactId + "/";
		}

	}

}
