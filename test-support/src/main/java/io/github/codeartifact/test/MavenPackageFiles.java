package io.github.codeartifact.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Generates the files of a small Maven package ({@code maven-metadata.xml}, and a pom and
 * a jar with one class per version) and keeps {@code maven-metadata.xml} in the layout of
 * Maven's repository metadata.
 */
final class MavenPackageFiles {

	static final String METADATA = "maven-metadata.xml";

	private static final DateTimeFormatter LAST_UPDATED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private static final Pattern VERSION = Pattern.compile("<version>([^<]+)</version>");

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
		files.put(base + METADATA, metadata(groupId, artifactId, versions, now));
		for (String version : versions) {
			String prefix = base + version + "/" + artifactId + "-" + version;
			files.put(prefix + ".pom", pom(groupId, artifactId, version));
			files.put(prefix + ".jar", jar(groupId, artifactId, version));
		}
		return files;
	}

	/**
	 * Returns the binary name of the class in each generated jar.
	 * @param groupId the group id
	 * @param artifactId the artifact id
	 * @return a name such as {@code com.example.demo_lib.Version}
	 */
	static String className(String groupId, String artifactId) {
		return (groupId + "." + artifactId).replaceAll("[^A-Za-z0-9_.]", "_") + ".Version";
	}

	/**
	 * Writes the artifact-level metadata: every version, {@code latest} the last one and
	 * {@code release} the last that is not a SNAPSHOT.
	 * @param groupId the group id
	 * @param artifactId the artifact id
	 * @param versions the versions, oldest first
	 * @param now the time of the last update
	 * @return the XML
	 */
	static byte[] metadata(String groupId, String artifactId, List<String> versions, Instant now) {
		String latest = versions.get(versions.size() - 1);
		String release = null;
		for (String version : versions) {
			if (!isSnapshot(version)) {
				release = version;
			}
		}
		StringBuilder xml = new StringBuilder();
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata>\n");
		xml.append("  <groupId>").append(groupId).append("</groupId>\n");
		xml.append("  <artifactId>").append(artifactId).append("</artifactId>\n");
		xml.append("  <versioning>\n    <latest>").append(latest).append("</latest>\n");
		if (release != null) {
			xml.append("    <release>").append(release).append("</release>\n");
		}
		xml.append("    <versions>\n");
		for (String version : versions) {
			xml.append("      <version>").append(version).append("</version>\n");
		}
		xml.append("    </versions>\n    <lastUpdated>").append(LAST_UPDATED.format(now));
		xml.append("</lastUpdated>\n  </versioning>\n</metadata>\n");
		return xml.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Reads the versions listed in artifact-level metadata.
	 * @param metadata the XML, or {@code null} when there is none yet
	 * @return the versions in their order
	 */
	static List<String> versions(byte @Nullable [] metadata) {
		List<String> versions = new ArrayList<>();
		if (metadata != null) {
			Matcher matcher = VERSION.matcher(new String(metadata, StandardCharsets.UTF_8));
			while (matcher.find()) {
				versions.add(matcher.group(1).trim());
			}
		}
		return versions;
	}

	static boolean isSnapshot(String version) {
		return version.endsWith("-SNAPSHOT");
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
		String classFile = className(groupId, artifactId).replace('.', '/');
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
			jar.putNextEntry(new JarEntry(artifactId + ".properties"));
			jar.write(("version=" + version + "\n").getBytes(StandardCharsets.UTF_8));
			jar.closeEntry();
			jar.putNextEntry(new JarEntry(classFile + ".class"));
			jar.write(JavaClassFile.withVersionMethod(classFile, version));
			jar.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
