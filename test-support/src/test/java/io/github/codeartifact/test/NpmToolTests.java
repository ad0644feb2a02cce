package io.github.codeartifact.test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drives the emulator's npm registry with the real {@code npm}: {@code npm install} of a
 * seeded package, {@code npm publish} (once), dist-tags, a 401 for a wrong token, and the
 * configuration that {@code aws codeartifact login --tool npm} writes.
 */
class NpmToolTests extends RealToolTestBase {

	private Path npm;

	private Path home;

	@BeforeEach
	void start() throws IOException {
		this.npm = ToolProcess.onPath("npm");
		assumeTrue(this.npm != null && ToolProcess.onPath("node") != null,
				"npm and node are not on the PATH: skipping the npm tests (.ci/run installs them with apt-get)");
		this.home = Files.createDirectories(this.temp.resolve("home"));
		this.emulator.seedNpmPackage("my-domain", "my-repo", "demo-lib", "1.0.0", "1.1.0");
	}

	@Test
	void installPublishOnceAndDistTags() throws Exception {
		writeNpmrc(CodeArtifactClients.token(this.emulator, "my-domain"));
		Path app = Files.createDirectories(this.temp.resolve("app"));
		Files.writeString(app.resolve("package.json"),
				"{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true,\"dependencies\":{\"demo-lib\":\"^1.0.0\"}}");
		assertSucceeds(npm(app, "install"));
		ToolProcess.Result required = ToolProcess.run(app, this.home, Map.of(),
				List.of("node", "-e", "console.log(require('demo-lib').version)"));
		assertThat(required.output().strip()).as(required.toString()).isEqualTo("1.1.0");

		Path library = Files.createDirectories(this.temp.resolve("library"));
		Files.writeString(library.resolve("package.json"),
				"{\"name\":\"published-lib\",\"version\":\"2.0.0\",\"main\":\"index.js\",\"license\":\"MIT\"}");
		Files.writeString(library.resolve("index.js"), "module.exports = 'published';\n");
		assertSucceeds(npm(library, "publish"));
		ToolProcess.Result republish = npm(library, "publish");
		assertThat(republish.exitCode()).as(republish.toString()).isNotZero();
		// npm reads the package document first and refuses on its own; PackageRepositoryTests shows the 409.
		assertThat(republish.output()).contains("cannot publish over the previously published versions: 2.0.0");
		ToolProcess.Result view = npm(app, "view", "published-lib", "dist.tarball", "dist.integrity");
		assertSucceeds(view);
		assertThat(view.output()).contains(this.emulator.repositoryEndpoint("my-domain", "my-repo", "npm")
				+ "published-lib/-/published-lib-2.0.0.tgz", "sha512-");

		assertSucceeds(npm(app, "dist-tag", "add", "demo-lib@1.0.0", "stable"));
		ToolProcess.Result tags = npm(app, "dist-tag", "ls", "demo-lib");
		assertSucceeds(tags);
		assertThat(tags.output()).contains("latest: 1.1.0", "stable: 1.0.0");
	}

	@Test
	void wrongTokenIsUnauthorized() throws Exception {
		writeNpmrc("not-a-token");
		ToolProcess.Result view = npm(this.temp, "view", "demo-lib", "version");
		assertThat(view.exitCode()).as(view.toString()).isNotZero();
		assertThat(view.output()).contains("E401");
	}

	@Test
	void awsCodeartifactLoginConfiguresNpm() throws Exception {
		Path aws = AwsCliTests.findAwsCliV2();
		assumeTrue(aws != null, "The official AWS CLI v2 is not on the PATH: skipping aws codeartifact login "
				+ "--tool npm (.ci/run installs it with apt-get install awscli)");
		assertSucceeds(ToolProcess.awsCodeartifactLogin(this.emulator, aws, this.temp, this.home, "npm"));
		assertThat(Files.readString(this.home.resolve(".npmrc"), StandardCharsets.UTF_8))
			.contains("registry=" + endpoint());
		ToolProcess.Result view = npm(this.temp, "view", "demo-lib", "version");
		assertSucceeds(view);
		assertThat(view.output().strip()).isEqualTo("1.1.0");
	}

	private ToolProcess.Result npm(Path directory, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(this.npm.toString()));
		command.addAll(List.of(arguments));
		command.addAll(List.of("--no-audit", "--no-fund", "--no-update-notifier"));
		return ToolProcess.run(directory, this.home, Map.of(), command);
	}

	/**
	 * Writes the user config as {@code aws codeartifact login --tool npm} does.
	 */
	private void writeNpmrc(String token) throws IOException {
		URI endpoint = endpoint();
		Files.writeString(this.home.resolve(".npmrc"), "registry=" + endpoint + "\n//" + endpoint.getAuthority()
				+ endpoint.getPath() + ":_authToken=" + token + "\n");
	}

	private URI endpoint() {
		return this.emulator.repositoryEndpoint("my-domain", "my-repo", "npm");
	}

	private static void assertSucceeds(ToolProcess.@Nullable Result result) {
		assertThat(result).isNotNull();
		assertThat(result.exitCode()).as(result.toString()).isZero();
	}

}
