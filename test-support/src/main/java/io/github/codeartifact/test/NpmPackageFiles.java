package io.github.codeartifact.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Generates the tarball {@code npm pack} makes for a small package: a gzipped ustar
 * archive with {@code package/package.json} and {@code package/index.js}.
 */
final class NpmPackageFiles {

	private static final int BLOCK = 512;

	private NpmPackageFiles() {
	}

	/**
	 * Returns the {@code package.json} of a generated package.
	 * @param name the package name, scoped or not
	 * @param version the version
	 * @return the manifest, in member order
	 */
	static Map<String, Object> manifest(String name, String version) {
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("name", name);
		manifest.put("version", version);
		manifest.put("description", "A package seeded into the CodeArtifact emulator");
		manifest.put("main", "index.js");
		manifest.put("license", "MIT");
		return manifest;
	}

	/**
	 * Writes the tarball.
	 * @param manifest the {@code package.json}
	 * @return the {@code .tgz} bytes
	 */
	static byte[] tarball(Map<String, Object> manifest) {
		String index = "module.exports = { version: " + Json.quote(String.valueOf(manifest.get("version"))) + " };\n";
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			entry(gzip, "package/package.json", Json.write(manifest).getBytes(StandardCharsets.UTF_8));
			entry(gzip, "package/index.js", index.getBytes(StandardCharsets.UTF_8));
			gzip.write(new byte[2 * BLOCK]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Returns the file name of a version's tarball, as npm names it.
	 * @param name the package name, scoped or not
	 * @param version the version
	 * @return {@code name-version.tgz}, without the scope
	 */
	static String tarballName(String name, String version) {
		return name.substring(name.indexOf('/') + 1) + "-" + version + ".tgz";
	}

	private static void entry(GZIPOutputStream out, String path, byte[] content) throws IOException {
		byte[] header = new byte[BLOCK];
		field(header, 0, 100, path);
		field(header, 100, 8, "0000644");
		field(header, 108, 8, "0000000");
		field(header, 116, 8, "0000000");
		field(header, 124, 12, String.format("%011o", content.length));
		field(header, 136, 12, String.format("%011o", 499162500L));
		Arrays.fill(header, 148, 156, (byte) ' ');
		header[156] = '0';
		field(header, 257, 6, "ustar");
		field(header, 263, 2, "00");
		int checksum = 0;
		for (byte b : header) {
			checksum += b & 0xFF;
		}
		field(header, 148, 6, String.format("%06o", checksum));
		header[154] = 0;
		out.write(header);
		out.write(content);
		out.write(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
	}

	private static void field(byte[] header, int offset, int length, String value) {
		byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
		if (bytes.length > length) {
			throw new IllegalArgumentException("Too long for a tar header field: " + value);
		}
		System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
	}

}
