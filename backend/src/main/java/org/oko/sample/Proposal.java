package org.oko.sample;

/** An organization someone wants in the list, with its attributes and where they wrote it. */
record Proposal(String login, Attributes attributes, Place place) {}
