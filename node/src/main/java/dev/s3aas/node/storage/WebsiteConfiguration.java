package dev.s3aas.node.storage;

/**
 * A bucket's static-website configuration (PutBucketWebsite): either an index document (with an optional
 * error document) or a redirect of every request to another host. Stored and returned so tools that manage it
 * (Terraform, aws s3 website) work; the node does not serve a website endpoint.
 *
 * @param indexSuffix IndexDocument/Suffix, or null when redirecting
 * @param errorKey ErrorDocument/Key, or null
 * @param redirectHost RedirectAllRequestsTo/HostName, or null
 * @param redirectProtocol RedirectAllRequestsTo/Protocol ("http" or "https"), or null
 */
public record WebsiteConfiguration(String indexSuffix, String errorKey, String redirectHost,
                                   String redirectProtocol) {}
