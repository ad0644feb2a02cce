package io.github.codeartifact.buildtools;

import java.util.List;
import java.util.Objects;

import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * The rules for the user's {@code .pypirc}, as {@code aws codeartifact login --tool twine} writes
 * it: a {@code [codeartifact]} section ({@code repository} the first PyPI repository's endpoint,
 * {@code username} {@code aws}, {@code password} the token), and {@code codeartifact} among the
 * words of {@code [distutils] index-servers}, whose other servers stay. A new {@code [distutils]}
 * lists {@code pypi} too, so that {@code twine upload} without {@code -r} still goes to PyPI.
 * Removing takes the section and the word.
 */
final class PypircEditor implements LoginFileEditor {

	/** The section, and the name {@code twine upload -r} takes. */
	static final String SECTION = "codeartifact";

	private static final String FILE = ".pypirc";

	@Override
	public String write(String content, List<ResolvedRepository> repositories, String token) {
		List<ResolvedRepository> pypi = BuildToolConfigFiles.of(repositories, PackageFormat.PYPI);
		if (pypi.isEmpty()) {
			return content;
		}
		String edited = withIndexServer(content);
		List<String[]> entries = List.of(new String[] { "repository", pypi.get(0).endpoint().toString() },
				new String[] { "username", BuildToolConfigFiles.USER }, new String[] { "password", token });
		IniFile ini = IniFile.parse(edited, FILE);
		if (ini.section(SECTION) == null) {
			return ini.withSection(SECTION, entries.stream().map((entry) -> entry[0] + " = " + entry[1]).toList());
		}
		for (String[] entry : entries) {
			ini = IniFile.parse(edited, FILE);
			IniFile.Section section = Objects.requireNonNull(ini.section(SECTION));
			IniFile.Entry existing = section.entry(entry[0]);
			edited = (existing != null) ? ini.withValue(existing, entry[1])
					: ini.withEntry(section, entry[0] + " = " + entry[1]);
		}
		return edited;
	}

	private static String withIndexServer(String content) {
		IniFile ini = IniFile.parse(content, FILE);
		IniFile.Section distutils = ini.section("distutils");
		String separator = TextLines.separator(content);
		if (distutils == null) {
			return ini.withSection("distutils", List.of("index-servers =", "    pypi", "    " + SECTION));
		}
		IniFile.Entry servers = distutils.entry("index-servers");
		if (servers == null) {
			return ini.withEntry(distutils,
					"index-servers =" + separator + "    pypi" + separator + "    " + SECTION);
		}
		boolean listed = ini.words(servers).stream().anyMatch((word) -> word.text().equals(SECTION));
		return listed ? content : ini.withWordAppended(servers, SECTION);
	}

	@Override
	public String remove(String content, List<ResolvedRepository> repositories) {
		IniFile ini = IniFile.parse(content, FILE);
		IniFile.Section section = ini.section(SECTION);
		String edited = (section != null) ? TextLines.cut(content, section.start(), section.next()) : content;
		ini = IniFile.parse(edited, FILE);
		IniFile.Section distutils = ini.section("distutils");
		IniFile.Entry servers = (distutils != null) ? distutils.entry("index-servers") : null;
		if (servers == null) {
			return edited;
		}
		IniFile current = ini;
		return current.words(servers).stream()
			.filter((word) -> word.text().equals(SECTION))
			.findFirst()
			.map((word) -> current.withoutWord(servers, word))
			.orElse(edited);
	}

}
