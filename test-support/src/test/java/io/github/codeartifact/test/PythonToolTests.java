package io.github.codeartifact.test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drives the emulator's Python index with the real {@code pip} and {@code twine}:
 * {@code pip download} and {@code pip install} of a seeded wheel, {@code twine upload}
 * (once) of a wheel the seeding code builds, then installing it, a 401 for a wrong token,
 * and the configuration that {@code aws codeartifact login --tool pip|twine} writes.
 * Credentials go through the tools' user configuration files, never the command line.
 */
class PythonToolTests extends RealToolTestBase {

	private static final Map<String, String> QUIET = Map.of("PIP_DISABLE_PIP_VERSION_CHECK", "1", "PIP_NO_INPUT",
			"1", "PIP_NO_CACHE_DIR", "1", "PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring");

	private Path home;

	@BeforeEach
	void start() throws Exception {
		assumeTrue(ToolProcess.onPath("python3") != null
				&& ToolProcess.run(this.temp, this.temp, QUIET, List.of("python3", "-m", "pip", "--version"))
					.exitCode() == 0,
				"python3 with pip is not on the PATH: skipping the pip tests (.ci/run installs python3-pip)");
		this.home = Files.createDirectories(this.temp.resolve("home"));
		this.emulator.seedPythonPackage("my-domain", "my-repo", "demo-lib", "1.0.0", "1.1.0");
	}

	@Test
	void pipDownloadsAndInstallsSeededWheel() throws Exception {
		writePipConf(CodeArtifactClients.token(this.emulator, "my-domain"));
		ToolProcess.Result download = pip("download", "--no-deps", "-d", "downloads", "demo-lib==1.0.0");
		assertThat(download.exitCode()).as(download.toString()).isZero();
		assertThat(this.temp.resolve("downloads/demo_lib-1.0.0-py3-none-any.whl")).isRegularFile();
		assertInstalls("demo-lib", "demo_lib", "1.1.0");
	}

	@Test
	void twineUploadsOnceAndPipInstallsTheUpload() throws Exception {
		assumeTrue(ToolProcess.onPath("twine") != null,
				"twine is not on the PATH: skipping the twine tests (.ci/run installs it with apt-get install twine)");
		String token = CodeArtifactClients.token(this.emulator, "my-domain");
		writePypirc(token);
		writePipConf(token);
		Path wheel = this.temp.resolve(PythonPackageFiles.wheelName("uploaded-lib", "3.0.0"));
		Files.write(wheel, PythonPackageFiles.wheel("uploaded-lib", "3.0.0"));
		ToolProcess.Result upload = twine(wheel);
		assertThat(upload.exitCode()).as(upload.toString()).isZero();
		ToolProcess.Result again = twine(wheel);
		assertThat(again.exitCode()).as(again.toString()).isNotZero();
		assertThat(again.output()).contains("409");
		assertInstalls("uploaded-lib", "uploaded_lib", "3.0.0");
	}

	@Test
	void wrongTokenIsUnauthorized() throws Exception {
		writePipConf("not-a-token");
		ToolProcess.Result install = pip("download", "--no-deps", "-d", "downloads", "demo-lib");
		assertThat(install.exitCode()).as(install.toString()).isNotZero();
		// pip reports a 401 on the index page as no versions found: the emulator's record shows the 401s.
		assertThat(this.emulator.calls(Operation.PACKAGE_REQUEST)).isNotEmpty()
			.allSatisfy((call) -> assertThat(call.status()).isEqualTo(401));
		if (ToolProcess.onPath("twine") != null) {
			writePypirc("not-a-token");
			Path wheel = this.temp.resolve(PythonPackageFiles.wheelName("uploaded-lib", "3.0.0"));
			Files.write(wheel, PythonPackageFiles.wheel("uploaded-lib", "3.0.0"));
			ToolProcess.Result upload = twine(wheel);
			assertThat(upload.exitCode()).as(upload.toString()).isNotZero();
			assertThat(upload.output()).contains("401");
		}
	}

	@Test
	void awsCodeartifactLoginConfiguresPipAndTwine() throws Exception {
		Path aws = AwsCliTests.findAwsCliV2();
		assumeTrue(aws != null, "The official AWS CLI v2 is not on the PATH: skipping aws codeartifact login "
				+ "--tool pip|twine (.ci/run installs it with apt-get install awscli)");
		ToolProcess.Result pipLogin = ToolProcess.awsCodeartifactLogin(this.emulator, aws, this.temp, this.home, "pip");
		assertThat(pipLogin.exitCode()).as(pipLogin.toString()).isZero();
		assertInstalls("demo-lib", "demo_lib", "1.1.0");
		if (ToolProcess.onPath("twine") != null) {
			ToolProcess.Result twineLogin = ToolProcess.awsCodeartifactLogin(this.emulator, aws, this.temp, this.home,
					"twine");
			assertThat(twineLogin.exitCode()).as(twineLogin.toString()).isZero();
			Path wheel = this.temp.resolve(PythonPackageFiles.wheelName("uploaded-lib", "3.0.0"));
			Files.write(wheel, PythonPackageFiles.wheel("uploaded-lib", "3.0.0"));
			ToolProcess.Result upload = twine(wheel);
			assertThat(upload.exitCode()).as(upload.toString()).isZero();
		}
	}

	private void assertInstalls(String project, String module, String version) throws Exception {
		ToolProcess.Result install = pip("install", "--target", "site", project);
		assertThat(install.exitCode()).as(install.toString()).isZero();
		ToolProcess.Result imported = ToolProcess.run(this.temp, this.home, Map.of("PYTHONPATH", "site"),
				List.of("python3", "-c", "import " + module + "; print(" + module + ".__version__)"));
		assertThat(imported.output().strip()).as(imported.toString()).isEqualTo(version);
	}

	private ToolProcess.Result pip(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("python3", "-m", "pip"));
		command.addAll(List.of(arguments));
		return ToolProcess.run(this.temp, this.home, QUIET, command);
	}

	private ToolProcess.Result twine(Path wheel) throws IOException, InterruptedException {
		return ToolProcess.run(this.temp, this.home, QUIET,
				List.of("twine", "upload", "--non-interactive", "--repository", "codeartifact", wheel.toString()));
	}

	/**
	 * Writes the user config as {@code aws codeartifact login --tool pip} does.
	 */
	private void writePipConf(String token) throws IOException {
		URI endpoint = endpoint();
		Path pipConf = Files.createDirectories(this.home.resolve(".config/pip")).resolve("pip.conf");
		Files.writeString(pipConf, "[global]\nindex-url = " + endpoint.getScheme() + "://aws:" + token + "@"
				+ endpoint.getAuthority() + endpoint.getPath() + "simple/\n");
	}

	/**
	 * Writes {@code ~/.pypirc} as {@code aws codeartifact login --tool twine} does.
	 */
	private void writePypirc(String token) throws IOException {
		Files.writeString(this.home.resolve(".pypirc"), "[distutils]\nindex-servers =\n    pypi\n    codeartifact\n\n"
				+ "[codeartifact]\nrepository = " + endpoint() + "\nusername = aws\npassword = " + token + "\n");
	}

	private URI endpoint() {
		return this.emulator.repositoryEndpoint("my-domain", "my-repo", "pypi");
	}

}
