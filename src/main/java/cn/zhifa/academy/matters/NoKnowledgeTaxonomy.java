package cn.zhifa.academy.matters;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/** The {@link MatterKnowledge} used while no taxonomy module provides one: no codes, no links. */
@ApplicationScoped
@DefaultBean
public class NoKnowledgeTaxonomy implements MatterKnowledge {

    @Override
    public Optional<Boolean> exists(String code) {
        return Optional.empty();
    }

    @Override
    public List<Long> courseIds(String code) {
        return List.of();
    }

    @Override
    public List<Long> caseIds(String code) {
        return List.of();
    }

    @Override
    public List<Long> questionIds(String code) {
        return List.of();
    }
}
