package io.github.codeartifact.buildtools;

import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * The rules for the user's {@code .npmrc}: per npm repository, {@code registry=} (or
 * {@code @scope:registry=}) and {@code //host/path/:_authToken=}, at the top level, before any
 * {@code [section]}. Removing takes the token lines and the registry lines that still point at the
 * repository.
 */
final class NpmrcEditor implements LoginFileEditor {

	@Override
	public String write(String content, List<ResolvedRepository> repositories, String token) {
		String edited = content;
		for (ResolvedRepository repository : BuildToolConfigFiles.of(repositories, PackageFormat.NPM)) {
			edited = set(edited, registryKey(repository), repository.endpoint().toString());
			edited = set(edited, authTokenKey(repository), token);
		}
		return edited;
	}

	@Override
	public String remove(String content, List<ResolvedRepository> repositories) {
		String edited = content;
		for (ResolvedRepository repository : BuildToolConfigFiles.of(repositories, PackageFormat.NPM)) {
			String endpoint = repository.endpoint().toString();
			edited = KeyedLines.remove(edited, topLevel(edited), NpmrcEditor::keyOf, registryKey(repository),
					(line) -> endpoint.equals(line.substring(line.indexOf('=') + 1).strip()));
			edited = KeyedLines.remove(edited, topLevel(edited), NpmrcEditor::keyOf, authTokenKey(repository),
					(line) -> true);
		}
		return edited;
	}

	private static String set(String content, String key, String value) {
		List<TextLines.Line> lines = TextLines.of(content);
		List<TextLines.Line> topLevel = topLevel(content);
		int insertAt = (topLevel.size() < lines.size()) ? lines.get(topLevel.size()).start() : content.length();
		return KeyedLines.set(content, topLevel, NpmrcEditor::keyOf, key, key + "=" + value, insertAt);
	}

	/** The lines before the first {@code [section]}: npm reads keys in a section as nested. */
	private static List<TextLines.Line> topLevel(String content) {
		List<TextLines.Line> lines = TextLines.of(content);
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).text(content).strip().startsWith("[")) {
				return lines.subList(0, i);
			}
		}
		return lines;
	}

	private static @Nullable String keyOf(String line) {
		String stripped = line.strip();
		int equals = stripped.indexOf('=');
		if (stripped.startsWith(";") || stripped.startsWith("#") || equals < 0) {
			return null;
		}
		return stripped.substring(0, equals).strip();
	}

	private static String registryKey(ResolvedRepository repository) {
		String scope = repository.repository().scope();
		return (scope != null) ? scope + ":registry" : "registry";
	}

	private static String authTokenKey(ResolvedRepository repository) {
		return repository.schemeRelative() + ":_authToken";
	}

}
