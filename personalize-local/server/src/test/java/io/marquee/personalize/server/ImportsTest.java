package io.marquee.personalize.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.personalize.server.support.Clients;
import io.marquee.personalize.server.support.CsvServer;
import io.marquee.personalize.server.support.Fixture;
import io.marquee.personalize.server.support.FreshDataDir;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DataSource;
import software.amazon.awssdk.services.personalize.model.DatasetImportJob;
import software.amazon.awssdk.services.personalize.model.InvalidInputException;

/** Dataset import jobs ({@code control/ImportOperations}): locations, file validation, failures. */
@QuarkusTest
@WithTestResource(FreshDataDir.class)
class ImportsTest {

    private final PersonalizeClient client = Clients.control();


    private String importsDataset;

    private String importsDataset() {
        if (importsDataset == null) {
            String group = client.createDatasetGroup(r -> r.name("imports-" + System.nanoTime())).datasetGroupArn();
            Clients.settle(() -> client.describeDatasetGroup(r -> r.datasetGroupArn(group)).datasetGroup().status());
            String schema = client.createSchema(r -> r.name("imports-" + System.nanoTime())
                    .schema(Fixture.INTERACTIONS_SCHEMA)).schemaArn();
            importsDataset = client.createDataset(r -> r.name("imports").datasetGroupArn(group)
                    .datasetType("INTERACTIONS").schemaArn(schema)).datasetArn();
            Clients.settle(() -> client.describeDataset(r -> r.datasetArn(importsDataset)).dataset().status());
        }
        return importsDataset;
    }

    private DatasetImportJob importText(String csv) throws Exception {
        Path file = Files.createTempFile(FreshDataDir.imports(), "import-", ".csv");
        Files.writeString(file, csv);
        return importLocation(file.toUri().toString());
    }

    private DatasetImportJob importLocation(String location) {
        String job = client.createDatasetImportJob(r -> r.jobName("job-" + System.nanoTime()).datasetArn(importsDataset())
                .dataSource(DataSource.builder().dataLocation(location).build())).datasetImportJobArn();
        Clients.settle(() -> client.describeDatasetImportJob(r -> r.datasetImportJobArn(job)).datasetImportJob().status());
        return client.describeDatasetImportJob(r -> r.datasetImportJobArn(job)).datasetImportJob();
    }

    @Test
    void aBadFileEndsTheImportInCreateFailedNamingTheLine() throws Exception {
        String header = "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n";
        assertThat(importText("USER_ID,ITEM_ID,EVENT_TYPE\nu1,i1,watch\n"))
                .satisfies(j -> assertThat(j.status()).isEqualTo("CREATE FAILED"))
                .satisfies(j -> assertThat(j.failureReason()).contains("line 1").contains("TIMESTAMP"));
        assertThat(importText(header + "u1,i1,1700000000,watch,\nu2,i2,yesterday,watch,\n").failureReason())
                .contains("line 3").contains("TIMESTAMP").contains("yesterday");
        assertThat(importText(header + ",i1,1700000000,watch,\n").failureReason())
                .contains("line 2").contains("USER_ID").contains("null");
        assertThat(importText(header + "u1,i1,1700000000,watch,high\nu2,i2,1700000000,watch,\n").failureReason())
                .contains("line 2").contains("EVENT_VALUE");
        assertThat(importText(header + "u1,i1,1700000000,watch,\nu1,i2,1700000001,watch,\n").failureReason())
                .contains("two users");
        assertThat(importText(header + "u1,i1,1700000000,watch\n").failureReason())
                .contains("line 2").contains("4 values for 5 columns");
        assertThat(importText("USER_ID,ITEM_ID,TIMESTAMP,GENRE\n").failureReason())
                .contains("line 1").contains("GENRE");
        assertThat(importLocation("s3://bucket/interactions.csv").failureReason()).contains("s3://")
                .contains("not supported");
        assertThat(importLocation(FreshDataDir.imports().resolve("does-not-exist.csv").toUri().toString())
                .failureReason()).contains("No CSV file");
        assertThat(importText(header + "u1,i1,1700000000,watch,\nu2,i2,1700000001,rate,4\n").status())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aFileOutsideTheImportRootIsNotRead() throws Exception {
        Path outside = Files.createTempFile(Path.of("target"), "outside-", ".csv").toAbsolutePath();
        Files.writeString(outside, "USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1700000000\n");
        assertThat(importLocation(outside.toUri().toString()))
                .satisfies(j -> assertThat(j.status()).isEqualTo("CREATE FAILED"))
                .satisfies(j -> assertThat(j.failureReason()).contains("outside the import root"));
        Path link = FreshDataDir.imports().resolve("link-" + System.nanoTime() + ".csv");
        Files.createSymbolicLink(link, outside);
        assertThat(importLocation(link.toUri().toString()).failureReason()).contains("outside the import root");
    }

    @Test
    void anHttpImportFromALoopbackAddressIsRefusedByDefault() throws Exception {
        try (CsvServer server = CsvServer.start("USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1700000000\n")) {
            assertThat(importLocation(server.url("/interactions.csv")))
                    .satisfies(j -> assertThat(j.status()).isEqualTo("CREATE FAILED"))
                    .satisfies(j -> assertThat(j.failureReason()).contains("127.0.0.1").contains("loopback"));
        }
    }

    @Test
    void anImportLocationThatIsNoSupportedUrlIsInvalidInput() {
        assertThatThrownBy(() -> importLocation("ftp://host/file.csv")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dataSource.dataLocation");
    }
}
