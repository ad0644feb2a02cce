package io.github.codeartifact.buildtools;

import java.util.List;

import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * Renders the configuration files a session writes, in the formats the tools document: npm's
 * {@code .npmrc}, pip's {@code pip.conf} and Maven's {@code settings.xml}.
 */
final class BuildToolConfigFiles {

	/** The user name CodeArtifact expects with the token as password. */
	static final String USER = "aws";

	private BuildToolConfigFiles() {
	}

	/**
	 * Returns an {@code .npmrc}: {@code registry=} (or {@code @scope:registry=}) and
	 * {@code //host/path/:_authToken=} for each npm repository.
	 */
	static String npmrc(List<ResolvedRepository> repositories, String token) {
		StringBuilder npmrc = new StringBuilder();
		for (ResolvedRepository resolved : of(repositories, PackageFormat.NPM)) {
			String scope = resolved.repository().scope();
			npmrc.append((scope != null) ? scope + ":registry=" : "registry=").append(resolved.endpoint()).append('\n');
			npmrc.append(resolved.schemeRelative()).append(":_authToken=").append(token).append('\n');
		}
		return npmrc.toString();
	}

	/**
	 * Returns a {@code pip.conf}: the first PyPI repository's simple index as {@code index-url},
	 * the others as {@code extra-index-url}, each with user {@code aws} and the token.
	 */
	static String pipConf(List<ResolvedRepository> repositories, String token) {
		List<ResolvedRepository> pypi = of(repositories, PackageFormat.PYPI);
		StringBuilder conf = new StringBuilder("[global]\n");
		for (int i = 0; i < pypi.size(); i++) {
			conf.append((i == 0) ? "index-url = " : (i == 1) ? "extra-index-url = " : "    ")
				.append(pypi.get(i).withCredentials(token, "simple/"))
				.append('\n');
		}
		return conf.toString();
	}

	/**
	 * Returns a Maven {@code settings.xml}: a {@code <server>} per Maven repository id with user
	 * {@code aws} and the token, a {@code <mirror>} for each repository with a mirror-of, and an
	 * active profile with the others as repositories and plugin repositories.
	 */
	static String mavenSettings(List<ResolvedRepository> repositories, String token) {
		List<ResolvedRepository> maven = of(repositories, PackageFormat.MAVEN);
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<settings xmlns=\"http://maven.apache.org/SETTINGS/1.0.0\">\n  <servers>\n");
		for (ResolvedRepository resolved : maven) {
			xml.append("    <server><id>").append(resolved.repository().id()).append("</id><username>").append(USER)
				.append("</username><password>").append(xmlText(token)).append("</password></server>\n");
		}
		xml.append("  </servers>\n  <mirrors>\n");
		StringBuilder repositoryList = new StringBuilder();
		for (ResolvedRepository resolved : maven) {
			String id = resolved.repository().id();
			String mirrorOf = resolved.repository().mirrorOf();
			if (mirrorOf != null) {
				xml.append("    <mirror><id>").append(id).append("</id><mirrorOf>").append(mirrorOf)
					.append("</mirrorOf><url>").append(xmlText(resolved.endpoint().toString()))
					.append("</url></mirror>\n");
			}
			else {
				repositoryList.append("<repository><id>").append(id).append("</id><url>")
					.append(xmlText(resolved.endpoint().toString())).append("</url></repository>");
			}
		}
		xml.append("  </mirrors>\n");
		if (!repositoryList.isEmpty()) {
			xml.append("  <profiles><profile><id>codeartifact</id>\n    <repositories>").append(repositoryList)
				.append("</repositories>\n    <pluginRepositories>")
				.append(repositoryList.toString().replace("repository>", "pluginRepository>"))
				.append("</pluginRepositories>\n  </profile></profiles>\n")
				.append("  <activeProfiles><activeProfile>codeartifact</activeProfile></activeProfiles>\n");
		}
		return xml.append("</settings>\n").toString();
	}

	static List<ResolvedRepository> of(List<ResolvedRepository> repositories, PackageFormat format) {
		return repositories.stream().filter((resolved) -> resolved.repository().format() == format).toList();
	}

	static String xmlText(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
