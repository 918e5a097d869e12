package io.marquee.personalize.server.control;

import static io.marquee.personalize.server.control.ResourceOperations.checkTags;
import static io.marquee.personalize.server.control.ResourceOperations.fresh;
import static io.marquee.personalize.server.control.ResourceOperations.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marquee.personalize.server.store.Kind;
import io.marquee.personalize.server.store.Resource;
import io.marquee.personalize.server.store.Store;
import io.marquee.personalize.server.web.AwsException;
import io.marquee.personalize.server.web.Input;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Campaigns: a solution version put to serve GetRecommendations / GetPersonalizedRanking. */
@ApplicationScoped
class CampaignOperations implements Operations {

    private final ResourceOperations resources;
    private final Store store;

    CampaignOperations(ResourceOperations resources) {
        this.resources = resources;
        this.store = resources.store();
    }

    @Override
    public Map<String, Function<Input, ObjectNode>> operations() {
        Map<String, Function<Input, ObjectNode>> table = new LinkedHashMap<>();
        table.put("CreateCampaign", this::createCampaign);
        table.put("UpdateCampaign", this::updateCampaign);
        resources.describeAndList(table, Kind.CAMPAIGN, Kind.SOLUTION);
        resources.delete(table, Kind.CAMPAIGN, campaign -> null, campaign -> { });
        return table;
    }

    private ObjectNode createCampaign(Input in) {
        String name = in.name("name");
        String versionArn = in.arn("solutionVersionArn", true);
        Integer tps = in.integer("minProvisionedTPS", 1, Integer.MAX_VALUE);
        Input campaignConfig = in.object("campaignConfig", false);
        checkTags(in);
        if (campaignConfig != null) {
            campaignConfig.stringMap("itemExplorationConfig", 10, 256, null, 1000);
            campaignConfig.bool("enableMetadataWithRecommendations");
            campaignConfig.bool("syncWithLatestSolutionVersion");
        }
        resources.activeParent(Kind.SOLUTION_VERSION, versionArn, "solutionVersionArn");
        String arn = resources.arn("campaign", name);
        resources.requireFree(arn, Kind.CAMPAIGN);
        ObjectNode members = object().put("solutionVersionArn", versionArn)
                .put("minProvisionedTPS", tps == null ? 1 : tps);
        if (campaignConfig != null) {
            members.set("campaignConfig", campaignConfig.node().deepCopy());
        }
        resources.lifecycle().create(fresh(Kind.CAMPAIGN, arn, name, members), false, r -> {
            if (store.model(versionArn).isEmpty()) {
                throw new Lifecycle.WorkFailed("The model of " + versionArn + " could not be loaded");
            }
        });
        return object().put("campaignArn", arn);
    }

    /** Points a campaign at another (newly trained) solution version; it keeps answering meanwhile. */
    private ObjectNode updateCampaign(Input in) {
        String campaignArn = in.arn("campaignArn", true);
        String versionArn = in.arn("solutionVersionArn", false);
        Integer tps = in.integer("minProvisionedTPS", 1, Integer.MAX_VALUE);
        Input campaignConfig = in.object("campaignConfig", false);
        Resource campaign = resources.activeParent(Kind.CAMPAIGN, campaignArn, "campaignArn");
        ObjectNode members = campaign.members().deepCopy();
        if (versionArn != null) {
            Resource version = resources.activeParent(Kind.SOLUTION_VERSION, versionArn, "solutionVersionArn");
            String oldSolution = store.find(campaign.member("solutionVersionArn")).map(v -> v.member("solutionArn"))
                    .orElse(null);
            if (oldSolution != null && !oldSolution.equals(version.member("solutionArn"))) {
                throw AwsException.invalid("solutionVersionArn must be a version of " + oldSolution);
            }
            members.put("solutionVersionArn", versionArn);
        }
        if (tps != null) {
            members.put("minProvisionedTPS", tps);
        }
        if (campaignConfig != null) {
            members.set("campaignConfig", campaignConfig.node().deepCopy());
        }
        store.replace(campaign.withMembers(members));
        return object().put("campaignArn", campaignArn);
    }
}
