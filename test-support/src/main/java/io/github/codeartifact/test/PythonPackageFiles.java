package io.github.codeartifact.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Generates a pure-Python wheel ({@code py3-none-any}) with one module, as a build backend
 * would: the package's {@code __init__.py}, and {@code METADATA}, {@code WHEEL} and
 * {@code RECORD} in its {@code .dist-info}. Public so that tests can upload one with the real
 * {@code twine}.
 */
public final class PythonPackageFiles {

	private PythonPackageFiles() {
	}

	/**
	 * Returns a project name normalized as PEP 503 compares names.
	 * @param name the project name
	 * @return the name in lower case with runs of {@code -}, {@code _} and {@code .} as one {@code -}
	 */
	static String normalize(String name) {
		return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the file name of the generated wheel.
	 * @param name the project name
	 * @param version the version
	 * @return {@code name_with_underscores-version-py3-none-any.whl}
	 */
	public static String wheelName(String name, String version) {
		return distribution(name) + "-" + version + "-py3-none-any.whl";
	}

	/**
	 * Returns the module the wheel installs.
	 * @param name the project name
	 * @return the importable module name
	 */
	static String moduleName(String name) {
		return distribution(name);
	}

	/**
	 * Writes the wheel.
	 * @param name the project name
	 * @param version the version
	 * @return the wheel bytes
	 */
	public static byte[] wheel(String name, String version) {
		String distInfo = distribution(name) + "-" + version + ".dist-info/";
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put(moduleName(name) + "/__init__.py", ("__version__ = \"" + version + "\"\n").getBytes(StandardCharsets.UTF_8));
		files.put(distInfo + "METADATA", ("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version
				+ "\nSummary: A package seeded into the CodeArtifact emulator\n").getBytes(StandardCharsets.UTF_8));
		files.put(distInfo + "WHEEL", ("Wheel-Version: 1.0\nGenerator: codeartifact-emulator\nRoot-Is-Purelib: true\n"
				+ "Tag: py3-none-any\n").getBytes(StandardCharsets.UTF_8));
		StringBuilder record = new StringBuilder();
		files.forEach((path, content) -> record.append(path)
			.append(",sha256=")
			.append(Base64.getUrlEncoder().withoutPadding().encodeToString(Digests.digest("SHA-256", content)))
			.append(',')
			.append(content.length)
			.append('\n'));
		record.append(distInfo).append("RECORD,,\n");
		files.put(distInfo + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static String distribution(String name) {
		return name.replaceAll("[-_.]+", "_").toLowerCase(Locale.ROOT);
	}

}
