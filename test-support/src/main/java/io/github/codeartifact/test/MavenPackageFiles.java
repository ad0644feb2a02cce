package io.github.codeartifact.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Generates the files of a small Maven package: {@code maven-metadata.xml}, and a pom and
 * a jar per version, each with a {@code .sha1} checksum.
 */
final class MavenPackageFiles {

	private static final DateTimeFormatter LAST_UPDATED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private MavenPackageFiles() {
	}

	/**
	 * Generates the files by repository-relative path.
	 * @param groupId the group id
	 * @param artifactId the artifact id
	 * @param versions the versions, oldest first
	 * @param now the time to stamp into the metadata
	 * @return the files in a stable order
	 */
	static Map<String, byte[]> generate(String groupId, String artifactId, List<String> versions, Instant now) {
		if (versions.isEmpty()) {
			throw new IllegalArgumentException("At least one version is needed");
		}
		String base = groupId.replace('.', '/') + "/" + artifactId + "/";
		Map<String, byte[]> files = new LinkedHashMap<>();
		putWithChecksum(files, base + "maven-metadata.xml", metadata(groupId, artifactId, versions, now));
		for (String version : versions) {
			String prefix = base + version + "/" + artifactId + "-" + version;
			putWithChecksum(files, prefix + ".pom", pom(groupId, artifactId, version));
			putWithChecksum(files, prefix + ".jar", jar(groupId, artifactId, version));
		}
		return files;
	}

	private static void putWithChecksum(Map<String, byte[]> files, String path, byte[] content) {
		files.put(path, content);
		files.put(path + ".sha1", sha1(content).getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] metadata(String groupId, String artifactId, List<String> versions, Instant now) {
		String latest = versions.get(versions.size() - 1);
		StringBuilder xml = new StringBuilder();
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata>\n");
		xml.append("  <groupId>").append(groupId).append("</groupId>\n");
		xml.append("  <artifactId>").append(artifactId).append("</artifactId>\n");
		xml.append("  <versioning>\n    <latest>").append(latest).append("</latest>\n");
		xml.append("    <release>").append(latest).append("</release>\n    <versions>\n");
		for (String version : versions) {
			xml.append("      <version>").append(version).append("</version>\n");
		}
		xml.append("    </versions>\n    <lastUpdated>").append(LAST_UPDATED.format(now));
		xml.append("</lastUpdated>\n  </versioning>\n</metadata>\n");
		return xml.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] pom(String groupId, String artifactId, String version) {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n" + "  <modelVersion>4.0.0</modelVersion>\n"
				+ "  <groupId>" + groupId + "</groupId>\n" + "  <artifactId>" + artifactId + "</artifactId>\n"
				+ "  <version>" + version + "</version>\n" + "  <packaging>jar</packaging>\n" + "</project>\n";
		return xml.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] jar(String groupId, String artifactId, String version) {
		Manifest manifest = new Manifest();
		Attributes attributes = manifest.getMainAttributes();
		attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		attributes.put(Attributes.Name.IMPLEMENTATION_TITLE, groupId + ":" + artifactId);
		attributes.put(Attributes.Name.IMPLEMENTATION_VERSION, version);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
			jar.putNextEntry(new JarEntry(artifactId + ".properties"));
			jar.write(("version=" + version + "\n").getBytes(StandardCharsets.UTF_8));
			jar.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static String sha1(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
