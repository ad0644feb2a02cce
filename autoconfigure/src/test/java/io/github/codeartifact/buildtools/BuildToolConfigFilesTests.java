package io.github.codeartifact.buildtools;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files a session writes, in the formats npm, pip and Maven document.
 */
class BuildToolConfigFilesTests {

	private static final String HOST = "https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com";

	private static final List<ResolvedRepository> REPOSITORIES = List.of(
			resolved("npm-all", PackageFormat.NPM, null, null, "/npm/my-repo/"),
			resolved("npm-org", PackageFormat.NPM, "@my-org", null, "/npm/org-repo/"),
			resolved("pypi", PackageFormat.PYPI, null, null, "/pypi/my-repo/"),
			resolved("pypi-2", PackageFormat.PYPI, null, null, "/pypi/second/"),
			resolved("pypi-3", PackageFormat.PYPI, null, null, "/pypi/third/"),
			resolved("central", PackageFormat.MAVEN, null, "*", "/maven/my-repo/"),
			resolved("releases", PackageFormat.MAVEN, null, null, "/maven/releases/"));

	@Test
	void npmrcHasTheRegistryOrTheScopeRegistryAndTheAuthTokenOfEachEndpoint() {
		assertThat(BuildToolConfigFiles.npmrc(REPOSITORIES, "t0k&n")).isEqualTo("registry=" + HOST + "/npm/my-repo/\n"
				+ "//my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/npm/my-repo/:_authToken=t0k&n\n"
				+ "@my-org:registry=" + HOST + "/npm/org-repo/\n"
				+ "//my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/npm/org-repo/:_authToken=t0k&n\n");
	}

	@Test
	void pipConfHasTheFirstIndexAndTheOthersAsExtraIndexes() {
		String credentials = "https://aws:tok@my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com";
		assertThat(BuildToolConfigFiles.pipConf(REPOSITORIES, "tok"))
			.isEqualTo("[global]\nindex-url = " + credentials + "/pypi/my-repo/simple/\nextra-index-url = "
					+ credentials + "/pypi/second/simple/\n    " + credentials + "/pypi/third/simple/\n");
	}

	@Test
	void mavenSettingsHaveAServerPerIdAMirrorAndAnActiveProfile() {
		assertThat(BuildToolConfigFiles.mavenSettings(REPOSITORIES, "t<k&n>")).isEqualTo(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<settings xmlns=\"http://maven.apache.org/SETTINGS/1.0.0\">\n"
						+ "  <servers>\n"
						+ "    <server><id>central</id><username>aws</username><password>t&lt;k&amp;n&gt;</password></server>\n"
						+ "    <server><id>releases</id><username>aws</username><password>t&lt;k&amp;n&gt;</password></server>\n"
						+ "  </servers>\n  <mirrors>\n"
						+ "    <mirror><id>central</id><mirrorOf>*</mirrorOf><url>" + HOST
						+ "/maven/my-repo/</url></mirror>\n  </mirrors>\n"
						+ "  <profiles><profile><id>codeartifact</id>\n"
						+ "    <repositories><repository><id>releases</id><url>" + HOST
						+ "/maven/releases/</url></repository></repositories>\n"
						+ "    <pluginRepositories><pluginRepository><id>releases</id><url>" + HOST
						+ "/maven/releases/</url></pluginRepository></pluginRepositories>\n"
						+ "  </profile></profiles>\n"
						+ "  <activeProfiles><activeProfile>codeartifact</activeProfile></activeProfiles>\n</settings>\n");
	}

	@Test
	void mavenSettingsWithOnlyAMirrorHaveNoProfile() {
		assertThat(BuildToolConfigFiles.mavenSettings(REPOSITORIES.subList(5, 6), "tok")).doesNotContain("<profile");
	}

	private static ResolvedRepository resolved(String id, PackageFormat format, String scope, String mirrorOf,
			String path) {
		return new ResolvedRepository(new BuildToolRepository(id, "repo", format, scope, mirrorOf),
				URI.create(HOST + path));
	}

}
