package io.github.codeartifact.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Maven, npm and PyPI endpoints at the HTTP level, where the real tools do
 * not show the repository's own answers (a 409 npm refuses before sending, a checksum
 * mismatch, PEP 691 content negotiation).
 */
class RepositoryFormatsTests extends EmulatorClientTestBase {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String authorization;

	@BeforeEach
	void token() {
		this.authorization = "Bearer " + CodeArtifactClients.token(this.emulator, "my-domain");
	}

	@Test
	void mavenServesEveryChecksumOfEveryFile() throws Exception {
		this.emulator.seedMavenPackage("my-domain", "my-repo", "com.example", "lib", "1.0.0");
		String jar = "com/example/lib/1.0.0/lib-1.0.0.jar";
		byte[] content = send("GET", maven(jar), null).body();
		for (Map.Entry<String, String> checksum : MavenEndpoint.CHECKSUMS.entrySet()) {
			HttpResponse<byte[]> response = send("GET", maven(jar + "." + checksum.getKey()), null);
			assertThat(new String(response.body(), StandardCharsets.US_ASCII))
				.isEqualTo(Digests.hex(checksum.getValue(), content));
		}
		HttpResponse<byte[]> head = send("HEAD", maven(jar), null);
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(content.length);
		assertThat(send("GET", maven(jar + ".sha1.sha1"), null).statusCode()).isEqualTo(404);
	}

	@Test
	void mavenReleasesAreImmutableSnapshotsAreNotAndMetadataFollows() throws Exception {
		this.emulator.seedMavenPackage("my-domain", "my-repo", "com.example", "lib", "1.0.0");
		byte[] jar = "jar".getBytes(StandardCharsets.UTF_8);
		assertThat(send("PUT", maven("com/example/lib/2.0.0/lib-2.0.0.jar"), jar).statusCode()).isEqualTo(201);
		assertThat(send("PUT", maven("com/example/lib/2.0.0/lib-2.0.0.jar.sha1"),
				Digests.hex("SHA-1", jar).getBytes(StandardCharsets.US_ASCII)).statusCode()).isEqualTo(201);
		assertThat(send("PUT", maven("com/example/lib/2.0.0/lib-2.0.0.jar.sha256"),
				"0".repeat(64).getBytes(StandardCharsets.US_ASCII)).statusCode()).isEqualTo(400);
		assertThat(send("PUT", maven("com/example/lib/2.0.0/lib-2.0.0.jar"), jar).statusCode()).isEqualTo(409);
		assertThat(send("PUT", maven("com/example/lib/1.0.0/lib-1.0.0.pom"), jar).statusCode()).isEqualTo(409);
		String snapshot = "com/example/lib/2.1.0-SNAPSHOT/lib-2.1.0-20300101.000000-1.jar";
		assertThat(send("PUT", maven(snapshot), jar).statusCode()).isEqualTo(201);
		assertThat(send("PUT", maven(snapshot), "again".getBytes(StandardCharsets.UTF_8)).statusCode())
			.isEqualTo(201);
		assertThat(send("PUT", maven("com/example/lib/maven-metadata.xml"),
				"<metadata/>".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
		String metadata = new String(send("GET", maven("com/example/lib/maven-metadata.xml"), null).body(),
				StandardCharsets.UTF_8);
		assertThat(metadata).contains("<latest>2.1.0-SNAPSHOT</latest>", "<release>2.0.0</release>")
			.containsSubsequence("<version>1.0.0</version>", "<version>2.0.0</version>",
					"<version>2.1.0-SNAPSHOT</version>");
	}

	@Test
	void seededJarHasALoadableClass() throws Exception {
		this.emulator.seedMavenPackage("my-domain", "my-repo", "com.example", "demo-lib", "1.2.3");
		byte[] jar = send("GET", maven("com/example/demo-lib/1.2.3/demo-lib-1.2.3.jar"), null).body();
		Path file = Files.createTempFile("demo-lib", ".jar");
		try {
			Files.write(file, jar);
			assertThat(versionMethod(file, MavenPackageFiles.className("com.example", "demo-lib"))).isEqualTo("1.2.3");
		}
		finally {
			Files.delete(file);
		}
	}

	/**
	 * Calls {@code version()} of a class in a jar, loaded on its own.
	 */
	static Object versionMethod(Path jar, String className) throws Exception {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			return loader.loadClass(className).getMethod("version").invoke(null);
		}
	}

	@Test
	void npmPackumentCarriesDistOfTheServedTarball() throws Exception {
		List<URI> tarballs = this.emulator.seedNpmPackage("my-domain", "my-repo", "@scope/demo", "1.0.0");
		Map<?, ?> packument = (Map<?, ?>) JsonReader
			.parse(new String(send("GET", npm("@scope%2fdemo"), null).body(), StandardCharsets.UTF_8));
		assertThat(packument.get("dist-tags")).isEqualTo(Map.of("latest", "1.0.0"));
		Map<?, ?> dist = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) packument.get("versions")).get("1.0.0")).get("dist");
		assertThat(dist.get("tarball")).isEqualTo(tarballs.get(0).toString())
			.hasToString(npm("@scope/demo/-/demo-1.0.0.tgz").toString());
		byte[] tarball = send("GET", tarballs.get(0), null).body();
		assertThat(dist.get("shasum")).isEqualTo(Digests.hex("SHA-1", tarball));
		assertThat(dist.get("integrity")).isEqualTo(Digests.integrity(tarball));
		byte[] tar = new GZIPInputStream(new ByteArrayInputStream(tarball)).readAllBytes();
		assertThat(new String(tar, 0, 20, StandardCharsets.US_ASCII)).startsWith("package/package.json");
		assertThat(new String(tar, StandardCharsets.UTF_8)).contains("\"name\":\"@scope/demo\"", "ustar");
	}

	@Test
	void npmPublishesAVersionOnceAndMovesDistTags() throws Exception {
		this.emulator.seedNpmPackage("my-domain", "my-repo", "demo", "1.0.0");
		byte[] tarball = NpmPackageFiles.tarball(NpmPackageFiles.manifest("demo", "1.0.0"));
		String body = Json.write(Map.of("name", "demo", "versions",
				Map.of("1.0.0", Map.of("name", "demo", "version", "1.0.0")), "_attachments",
				Map.of("demo-1.0.0.tgz", Map.of("data", Base64.getEncoder().encodeToString(tarball)))));
		assertThat(send("PUT", npm("demo"), body.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(409);
		assertThat(send("PUT", npm("demo"), "{".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
		assertThat(send("PUT", npm("-/package/demo/dist-tags/beta"), "\"9.9.9\"".getBytes(StandardCharsets.UTF_8))
			.statusCode()).isEqualTo(400);
		assertThat(send("PUT", npm("-/package/demo/dist-tags/beta"), "\"1.0.0\"".getBytes(StandardCharsets.UTF_8))
			.statusCode()).isEqualTo(200);
		assertThat(JsonReader.parse(new String(send("GET", npm("-/package/demo/dist-tags"), null).body(),
				StandardCharsets.UTF_8))).isEqualTo(Map.of("latest", "1.0.0", "beta", "1.0.0"));
		assertThat(send("DELETE", npm("-/package/demo/dist-tags/beta"), null).statusCode()).isEqualTo(200);
		assertThat(send("GET", npm("nothing"), null).statusCode()).isEqualTo(404);
	}

	@Test
	void pypiSimpleIndexIsHtmlOrJsonWithSha256() throws Exception {
		List<String> wheels = this.emulator.seedPythonPackage("my-domain", "my-repo", "Demo.Lib", "1.0.0");
		assertThat(wheels).containsExactly("demo_lib-1.0.0-py3-none-any.whl");
		byte[] wheel = send("GET", pypi("packages/demo-lib/1.0.0/" + wheels.get(0)), null).body();
		String sha256 = Digests.hex("SHA-256", wheel);
		String html = new String(send("GET", pypi("simple/demo-lib/"), null).body(), StandardCharsets.UTF_8);
		assertThat(html).contains("<a href=\"../../packages/demo-lib/1.0.0/" + wheels.get(0) + "#sha256=" + sha256
				+ "\">" + wheels.get(0) + "</a>");
		assertThat(new String(send("GET", pypi("simple/"), null).body(), StandardCharsets.UTF_8))
			.contains("<a href=\"demo-lib/\">demo-lib</a>");
		HttpResponse<byte[]> json = send("GET", pypi("simple/DEMO_lib/"), null, "Accept", PypiEndpoint.JSON_TYPE);
		assertThat(json.headers().firstValue("Content-Type")).hasValue(PypiEndpoint.JSON_TYPE);
		Map<?, ?> page = (Map<?, ?>) JsonReader.parse(new String(json.body(), StandardCharsets.UTF_8));
		assertThat(page.get("name")).isEqualTo("demo-lib");
		assertThat(page.get("files")).isEqualTo(List.of(Map.of("filename", wheels.get(0), "url",
				"../../packages/demo-lib/1.0.0/" + wheels.get(0), "hashes", Map.of("sha256", sha256))));
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(wheel))) {
			assertThat(zip.getNextEntry().getName()).isEqualTo("demo_lib/__init__.py");
		}
	}

	@Test
	void pypiUploadIsMultipartOnceWithMatchingDigest() throws Exception {
		byte[] wheel = PythonPackageFiles.wheel("up", "1.0");
		assertThat(upload(wheel, Digests.hex("SHA-256", wheel)).statusCode()).isEqualTo(200);
		assertThat(upload(wheel, Digests.hex("SHA-256", wheel)).statusCode()).isEqualTo(409);
		assertThat(upload(PythonPackageFiles.wheel("up", "2.0"), "00").statusCode()).isEqualTo(400);
		assertThat(new String(send("GET", pypi("simple/up/"), null).body(), StandardCharsets.UTF_8))
			.contains("up-1.0-py3-none-any.whl").doesNotContain("up-2.0");
	}

	private HttpResponse<byte[]> upload(byte[] wheel, String sha256) throws IOException, InterruptedException {
		String boundary = "b0undary";
		StringBuilder head = new StringBuilder();
		Map.of(":action", "file_upload", "name", "up", "version", version(wheel),
				"sha256_digest", sha256)
			.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
				.append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
		head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"content\"; filename=\"")
			.append("up-").append(version(wheel)).append("-py3-none-any.whl\"\r\n")
			.append("Content-Type: application/octet-stream\r\n\r\n");
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[start.length + wheel.length + tail.length];
		System.arraycopy(start, 0, body, 0, start.length);
		System.arraycopy(wheel, 0, body, start.length, wheel.length);
		System.arraycopy(tail, 0, body, start.length + wheel.length, tail.length);
		return send("POST", pypi(""), body, "Content-Type", "multipart/form-data; boundary=" + boundary);
	}

	private static String version(byte[] wheel) {
		return new String(wheel, StandardCharsets.ISO_8859_1).contains("Version: 2.0") ? "2.0" : "1.0";
	}

	private URI maven(String path) {
		return URI.create(this.emulator.repositoryEndpoint("my-domain", "my-repo", "maven") + path);
	}

	private URI npm(String path) {
		return URI.create(this.emulator.repositoryEndpoint("my-domain", "my-repo", "npm") + path);
	}

	private URI pypi(String path) {
		return URI.create(this.emulator.repositoryEndpoint("my-domain", "my-repo", "pypi") + path);
	}

	private HttpResponse<byte[]> send(String method, URI uri, byte[] body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", this.authorization)
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
