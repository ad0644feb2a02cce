package io.github.codeartifact.buildtools;

import java.util.List;
import java.util.Objects;

import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * The rules for the user's {@code pip.conf}: in {@code [global]}, {@code index-url} (the first PyPI
 * repository, with {@link PipIndex#INDEX_URL}) and the repositories' URLs among the words of
 * {@code extra-index-url}, each {@code https://aws:<token>@host/path/simple/}. Other indexes in
 * {@code extra-index-url} stay. Removing takes our {@code index-url} and our words.
 */
final class PipConfEditor implements LoginFileEditor {

	private static final String FILE = "pip.conf";

	private final PipIndex index;

	PipConfEditor(PipIndex index) {
		this.index = Objects.requireNonNull(index, "index must not be null");
	}

	@Override
	public String write(String content, List<ResolvedRepository> repositories, String token) {
		List<ResolvedRepository> pypi = BuildToolConfigFiles.of(repositories, PackageFormat.PYPI);
		if (pypi.isEmpty()) {
			return content;
		}
		String edited = content;
		if (IniFile.parse(edited, FILE).section("global") == null) {
			edited = IniFile.parse(edited, FILE).withSection("global", List.of());
		}
		List<ResolvedRepository> extra = pypi;
		if (this.index == PipIndex.INDEX_URL) {
			IniFile ini = IniFile.parse(edited, FILE);
			IniFile.Section global = Objects.requireNonNull(ini.section("global"));
			IniFile.Entry entry = global.entry("index-url", "index_url");
			String url = pypi.get(0).withCredentials(token, "simple/");
			edited = (entry != null) ? ini.withValue(entry, url) : ini.withEntry(global, "index-url = " + url);
			extra = pypi.subList(1, pypi.size());
		}
		for (ResolvedRepository repository : extra) {
			IniFile ini = IniFile.parse(edited, FILE);
			IniFile.Section global = Objects.requireNonNull(ini.section("global"));
			IniFile.Entry entry = global.entry("extra-index-url", "extra_index_url");
			String url = repository.withCredentials(token, "simple/");
			if (entry == null) {
				edited = ini.withEntry(global, "extra-index-url = " + url);
				continue;
			}
			IniFile.Word ours = ini.words(entry).stream().filter((word) -> isIndexOf(word.text(), repository))
				.findFirst().orElse(null);
			edited = (ours != null) ? ini.withWord(ours, url) : ini.withWordAppended(entry, url);
		}
		return edited;
	}

	@Override
	public String remove(String content, List<ResolvedRepository> repositories) {
		List<ResolvedRepository> pypi = BuildToolConfigFiles.of(repositories, PackageFormat.PYPI);
		String edited = content;
		IniFile ini = IniFile.parse(edited, FILE);
		IniFile.Section global = ini.section("global");
		IniFile.Entry index = (global != null) ? global.entry("index-url", "index_url") : null;
		if (index != null && pypi.stream().anyMatch((repository) -> isIndexOf(ini.value(index).strip(), repository))) {
			edited = ini.without(index);
		}
		while (true) {
			IniFile current = IniFile.parse(edited, FILE);
			IniFile.Section section = current.section("global");
			IniFile.Entry entry = (section != null) ? section.entry("extra-index-url", "extra_index_url") : null;
			if (entry == null) {
				return edited;
			}
			List<IniFile.Word> words = current.words(entry);
			List<IniFile.Word> ours = words.stream()
				.filter((word) -> pypi.stream().anyMatch((repository) -> isIndexOf(word.text(), repository)))
				.toList();
			if (ours.isEmpty()) {
				return edited;
			}
			edited = (ours.size() == words.size()) ? current.without(entry)
					: current.withoutWord(entry, ours.get(ours.size() - 1));
		}
	}

	/** Whether a URL is the repository's simple index, whatever credentials it carries. */
	private static boolean isIndexOf(String url, ResolvedRepository repository) {
		String withoutCredentials = url.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*:(//)[^/@]*@", "$1")
			.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*:(//)", "$1");
		String index = repository.schemeRelative() + "simple/";
		return withoutCredentials.equals(index) || withoutCredentials.equals(index.substring(0, index.length() - 1));
	}

}
