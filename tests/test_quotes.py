"""Direct quotes and their speakers, on small texts and on the bundled seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.extract.quotes import Quote, find_quotes, quote_words

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def only(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


def test_curly_quote_with_speaker_after_and_offsets() -> None:
    text = "Intro line.\n\n“We will win,” Graham said on Friday."
    [quote] = find_quotes(text)
    assert text[quote.start : quote.end] == "“We will win,”" == quote.text
    assert text[quote.content_start : quote.content_end] == "We will win,"
    assert (quote.speaker, quote.cue, quote.partial, quote.unbalanced) == (
        "Graham",
        "said",
        False,
        False,
    )
    assert text[quote.speaker_start : quote.speaker_end] == "Graham"


def test_inverted_attribution_keeps_the_name_without_its_apposition() -> None:
    text = '"The next weeks are hard," said Daniel Fried, a former ambassador.'
    [quote] = find_quotes(text)
    assert quote.speaker == "Daniel Fried"
    assert quote.cue == "said"


def test_surname_resolves_to_the_full_name_given_earlier() -> None:
    text = (
        "Foreign Minister Sergei Lavrov met envoys on Friday.\n\n"
        "“We will not wait,” Lavrov told reporters."
    )
    [quote] = find_quotes(text)
    assert quote.speaker == "Sergei Lavrov"
    assert quote.cue == "told"
    assert text[quote.mention_start : quote.mention_end] == "Lavrov"


def test_pronoun_resolves_to_the_last_named_speaker() -> None:
    text = "“First,” Sergei Lavrov said.\n\nThe talks went on.\n\n“Second,” he said."
    first, second = find_quotes(text)
    assert second.speaker == "Sergei Lavrov"
    assert text[second.mention_start : second.mention_end] == "he"


def test_according_to_and_organisation_speakers() -> None:
    text = (
        "According to the White House, “talks will start in January.”\n\n"
        "“We are ready,” the Kremlin said."
    )
    first, second = find_quotes(text)
    assert (first.speaker, first.cue) == ("the White House", "according to")
    assert second.speaker == "the Kremlin"


def test_according_to_a_document_gives_its_issuer() -> None:
    text = (
        "According to a statement from the health ministry, “all schools will close.”\n\n"
        "“Prices will rise,” according to a report by Reuters.\n\n"
        "According to documents seen by the BBC, “the plan was shelved.”"
    )
    ministry, reuters, documents = find_quotes(text)
    assert (ministry.speaker, ministry.cue) == ("the health ministry", "according to")
    assert reuters.speaker == "Reuters"
    assert documents.speaker is None  # the BBC saw the documents; it is not their source


def test_a_relative_clause_is_no_part_of_the_speaker() -> None:
    text = (
        "“There is no plan B,” the official, who spoke on condition of anonymity, said.\n\n"
        "“No,” the aide, speaking to John Smith, said."
    )
    official, aide = find_quotes(text)
    assert official.speaker == "the official"
    assert aide.speaker == "the aide"  # not John Smith, named inside the clause


def test_was_all_the_spokesman_would_say_gives_the_spokesman() -> None:
    [quote] = find_quotes("“No comment,” was all the spokesman would say.")
    assert (quote.speaker, quote.cue) == ("the spokesman", "say")


def test_introduction_before_the_quote() -> None:
    [quote] = find_quotes("Biden told reporters: “There will be a price to pay.”")
    assert quote.speaker == "Biden"
    assert quote.cue == "told"
    assert not quote.partial


def test_second_quote_in_a_paragraph_continues_the_first_speaker() -> None:
    quotes = find_quotes("“One,” Miles said. “Two.”")
    assert [q.speaker for q in quotes] == ["Miles", "Miles"]
    assert quotes[1].continued_from == 0


def test_multi_paragraph_quote_by_news_convention() -> None:
    text = (
        "“The first part runs on,” Ann Lee said. “And on\n\n“Until this paragraph ends.”\n\nAfter."
    )
    quotes = find_quotes(text)
    assert [q.unbalanced for q in quotes] == [False, False, False]
    assert quotes[1].text == "“And on"
    # Continued quotes point at the quote that carries the attribution.
    assert quotes[1].continued_from == 0
    assert quotes[2].continued_from == 0
    assert quotes[2].speaker == "Ann Lee"


def test_unclosed_quote_stops_at_its_paragraph_end() -> None:
    text = (
        "He said “this never closes.\n\nThe next paragraph is the writer's own.\n\nSo is this one."
    )
    [quote] = find_quotes(text)
    assert quote.unbalanced
    assert quote.end == text.index("\n")


def test_closing_mark_typed_as_opening_and_space_before_closer() -> None:
    text = "“We see how determined they are. “\n\nNext paragraph, “a phrase ”here."
    quotes = find_quotes(text)
    assert quotes[0].text == "“We see how determined they are. “"
    assert not quotes[0].unbalanced
    assert quotes[1].text == "“a phrase ”"


def test_nested_single_quotes_belong_to_the_outer_quote() -> None:
    text = "\"He said, 'Don't leave it on the field,'\" Mr. King said."
    [quote] = find_quotes(text)
    assert quote.text == "\"He said, 'Don't leave it on the field,'\""
    assert quote.speaker == "Mr. King"


def test_scare_quotes_are_partial() -> None:
    text = "Sergei Lavrov said Moscow would adopt a “hard line” in the talks."
    [quote] = find_quotes(text)
    assert quote.partial
    assert quote.speaker == "Sergei Lavrov"


def test_typewriter_quotes_and_nicknames() -> None:
    text = "''It is not reform,'' said Alan Cole. Rep. Robert C. \"Bobby\" Scott spoke."
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["''It is not reform,''"]
    assert quotes[0].speaker == "Alan Cole"


def test_markup_attributes_are_not_quotes() -> None:
    assert find_quotes('<tweet author="someone" id="1">Hello</tweet>') == []


@pytest.mark.parametrize(
    "text", ["", "no quotes here", '"', "“", '\x00\x01\ufffd"ab', "«Привет», сказал он.", "“”"]
)
def test_bad_input_never_raises(text: str) -> None:
    quotes = find_quotes(text)
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(text)


def test_quote_words_are_folded() -> None:
    text = "“Don’t WAIT,” she said."
    [quote] = find_quotes(text)
    assert quote_words(quote, text) == ["don't", "wait"]
    assert quote_words(quote) == ["don't", "wait"]


def test_seed_000_has_no_quotation_marks() -> None:
    assert find_quotes(seed("000")) == []


def test_seed_002_hard_line_is_partial_and_attributed() -> None:
    quote = only(find_quotes(seed("002")), "hard line")
    assert quote.partial
    assert quote.speaker == "Sergey Lavrov"


def test_seed_003_lavrov_told() -> None:
    quotes = find_quotes(seed("003"))
    quote = only(quotes, "We will not allow our initiatives")
    assert (quote.speaker, quote.cue) == ("Sergei Lavrov", "told")
    follow = only(quotes, "If no constructive response arrives")
    assert follow.speaker == "Sergei Lavrov"
    assert follow.continued_from == quotes.index(quote)


def test_seed_003_odd_closing_marks() -> None:
    quotes = find_quotes(seed("003"))
    fried = only(quotes, "The Biden administration did a fairly credible job")
    assert fried.text.endswith("how determined we are. “")
    assert not fried.unbalanced
    assert fried.speaker == "Daniel Fried"
    group = only(quotes, "We believe that the United States should")
    assert group.text.endswith(", ”")
    assert group.speaker == "the group"
    kiev = only(quotes, "the Kiev regime")
    assert kiev.partial and not kiev.unbalanced
    assert kiev.speaker == "Sergei Lavrov"


def test_seed_003_fragment_after_an_opening_clause_belongs_to_the_main_clause() -> None:
    quote = only(find_quotes(seed("003")), "colossal mistake")
    assert quote.partial
    assert quote.speaker == "Kremlin officials"


def test_seed_002_heading_quote_is_not_a_quotation() -> None:
    quotes = find_quotes(seed("002"))
    assert not [q for q in quotes if q.text == "‘blah blah blah’"]
    assert only(quotes, "anything blah blah blah").speaker is not None


def test_subheadings_and_show_names_are_not_quotations() -> None:
    text = (
        "The ruling was welcomed.\n\n'All Bets Are Off.'\n\n"
        "On this weekend's broadcast of “Fox News Sunday,” Mike Pence said it was “a disgrace.”"
    )
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["“a disgrace.”"]
    assert quotes[0].speaker == "Mike Pence"


def test_capitalised_common_word_is_not_a_speaker() -> None:
    text = (
        "The pressure on the mayor grew.\n\n"
        "Pressure is building on McAuliffe, who was greeted with chants of “Bobby!” at a rally."
    )
    assert only(find_quotes(text), "Bobby").speaker is None


def test_cue_word_used_as_a_noun_is_no_attribution() -> None:
    text = (
        "Mr. Trump hardly clarified the matter, treating Mrs. Clinton's remark as a compliment: "
        "“That makes me smart.”"
    )
    quote = only(find_quotes(text), "smart")
    assert quote.speaker != "Clinton's"
    text = "Police say they have “adequate resources” for the game."
    assert only(find_quotes(text), "adequate").speaker == "Police"
    # After "is", a cue's base form is a noun: nobody in this sentence speaks.
    text = "The troubling “pattern” emerges as there is report of yet another fire in Palmer."
    assert only(find_quotes(text), "pattern").speaker is None
    text = "The “pattern” is clear, there are reports of another fire, officials said."
    assert only(find_quotes(text), "pattern").speaker == "officials"


def test_possessive_descriptor_speaks() -> None:
    text = (
        "Scott's family has called on police to release the videos “as a matter of transparency.”"
    )
    quote = only(find_quotes(text), "transparency")
    assert quote.speaker == "Scott's family"
    assert quote.cue == "called"


def test_quote_closed_in_a_later_paragraph_after_an_unclosed_one_does_not_crash() -> None:
    # A quote left open at a paragraph end, whose closing mark comes a paragraph later, once
    # made attribution search backwards from the quote's end.
    text = (
        "The US president has said he is seeking to convey that. “I have made it obvious that if he takes"
        " any further steps, we will have severe sanctions,” Biden said. “We will increase our presence in"
        " Europe with NATO allies.\n\nThere will be a price to pay.” Meanwhile the team focused on talks."
    )
    quotes = find_quotes(text)
    assert quotes[0].speaker == "Biden"
    assert all(0 <= q.start < q.end <= len(text) for q in quotes)


def test_spun_copy_keeps_its_speakers(seed_articles) -> None:  # type: ignore[no-untyped-def]
    # Seed 001 was "spun": "said" became "mentioned" throughout.
    text = seed_articles["001"].text
    speakers = {q.content.split()[0]: q.speaker for q in find_quotes(text)}
    assert speakers["significant"] == "Jake Sullivan"
    assert speakers["after"] == "the White Home"
    assert "Putin" in (speakers["It"] or "")


def test_straight_quote_holding_curly_quotes_is_one_quote() -> None:
    text = (
        'Caddell continued:\n\n"The numbers are close, which, I will read you the question: '
        '“Do you think her health matters?” Forty-three, yes."\n\nAfter.'
    )
    [quote] = find_quotes(text)
    assert quote.text.startswith('"The numbers') and quote.text.endswith('yes."')
    assert quote.speaker == "Caddell"


def test_unclosed_straight_block_mark_leaves_the_inner_curly_quotes() -> None:
    text = '"Trump walked onto the stage, chanting “U-S-A! U-S-A!”\n\nThe crowd cheered.'
    [quote] = find_quotes(text)
    assert quote.text == "“U-S-A! U-S-A!”"
    assert not quote.unbalanced


def test_continued_paragraph_with_its_own_attribution_takes_that_speaker() -> None:
    text = (
        "“It is a dog whistle,” Rep. Gwen Moore said. “If indeed he is not legitimate\n"
        "“I have been thinking about where we are,” added Rep. Jim Clyburn, a party leader."
    )
    quotes = find_quotes(text)
    assert [q.speaker for q in quotes] == ["Gwen Moore", "Gwen Moore", "Jim Clyburn"]


def test_quote_after_an_attributing_sentence_in_its_paragraph() -> None:
    text = (
        "Adam Schiff spoke on Friday.\n\n"
        "The administration may wait while talks go on, Schiff said. “The other factor is time.”"
    )
    [quote] = find_quotes(text)
    assert (quote.speaker, quote.cue) == ("Adam Schiff", "said")
    text = "The panel met, said Rep. Jim Clyburn, a party leader. “These are howls.”"
    assert find_quotes(text)[0].speaker == "Jim Clyburn"


def test_sentence_introducing_a_quote_with_a_colon() -> None:
    text = "Chris Smith is rolling out a new and more personal message: “It is about me.”"
    [quote] = find_quotes(text)
    assert quote.speaker == "Chris Smith"
    assert not quote.partial


def test_name_in_apposition_to_a_workplace_speaks() -> None:
    text = "His partner at Lenox, Lawrence B. Cummings, said: “He showed an ability to make deals.”"
    assert find_quotes(text)[0].speaker == "Lawrence B. Cummings"


def test_descriptor_between_cue_and_name() -> None:
    text = "“They are 100 percent wrong,” said 9/11 widow Terry Strada."
    assert find_quotes(text)[0].speaker == "Terry Strada"
    text = "“It was a good day,” said one Democratic source on the panel."
    assert find_quotes(text)[0].speaker == "one Democratic source"


def test_cue_word_used_as_a_plural_noun_after_the_quote_is_skipped() -> None:
    text = (
        "“It is an invasion of the state domain,” Scott Pruitt, the attorney general of "
        "Oklahoma, one of the states suing the EPA, said at an event."
    )
    [quote] = find_quotes(text)
    assert (quote.speaker, quote.cue) == ("Scott Pruitt", "said")
    text = "Russian officers say talks must address their “treaty” that bars members in former Soviet states."
    assert find_quotes(text)[0].speaker == "Russian officers"


def test_new_sentence_after_a_quote_is_not_its_attribution() -> None:
    text = (
        "Ann Lee laughed.\n\n"
        "“Of course I believe it. I was kidding.” To which she said, “Thank God.”"
    )
    first, second = find_quotes(text)
    assert second.speaker == "Ann Lee"
    assert text[second.mention_start : second.mention_end] == "she"
    assert (
        first.mention_start is None
        or text[first.mention_start : first.mention_end] != "To which she"
    )


def test_seed_001_treaty_scare_quote_belongs_to_the_officers() -> None:
    quote = only(find_quotes(seed("001")), "“treaty”")
    assert quote.partial
    assert quote.speaker == "Russian officers"
    assert quote.cue == "say"


def test_surname_shared_by_two_people_follows_title_and_frequency() -> None:
    text = (
        "Hillary Clinton spoke in Ohio. Hillary Clinton then flew home.\n\n"
        "Sen. Sherrod Brown greeted former President Bill Clinton at the airport.\n\n"
        "Donors cheered, and reporters asked about the polls and the schedule for the week ahead,"
        " the weather, the crowds, the buses and the many small things of a campaign day.\n\n"
        "“We are ready,” Mrs. Clinton said."
    )
    assert find_quotes(text)[0].speaker == "Hillary Clinton"


def test_surname_right_after_a_full_mention_is_that_person() -> None:
    text = (
        "Donald Trump spoke. Donald Trump left.\n\n"
        "Eric Trump stayed behind.\n\n“We will win,” Trump said."
    )
    assert find_quotes(text)[0].speaker == "Eric Trump"


def test_fragment_in_reported_speech_belongs_to_the_reporter() -> None:
    text = (
        "Donald Trump said during a rally in Michigan that Clinton once described the deal as "
        "“the gold standard” of trade deals."
    )
    [quote] = find_quotes(text)
    assert (quote.speaker, quote.cue) == ("Donald Trump", "said")
    # A fragment of the speaker's own clause keeps that speaker.
    text = "Sergei Lavrov said Moscow would adopt a “hard line” in the talks."
    assert find_quotes(text)[0].speaker == "Sergei Lavrov"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The rule helps," said Secretary of the Interior Dirk Kempthorne.', "Dirk Kempthorne"),
        ('Secretary of the Interior Dirk Kempthorne said: "The rule helps."', "Dirk Kempthorne"),
        ('"The rule helps," said White House press secretary Jen Psaki.', "Jen Psaki"),
        ('"The rule helps," said Kremlin spokesman Dmitry Peskov.', "Dmitry Peskov"),
        ('"He did it right," said MSNBC host Chris Matthews.', "Chris Matthews"),
        (
            '"The rule helps," said the Secretary of the Interior, Dirk Kempthorne.',
            "Dirk Kempthorne",
        ),
        (
            '"The rule helps," said Secretary of Homeland Security Alejandro Mayorkas.',
            "Alejandro Mayorkas",
        ),
        ('"The rule helps," said Andrew Bailey of the Bank of England.', "Andrew Bailey"),
        ('"The rule helps," said the senator, who declined to be named.', "the senator"),
        ('Her spokesman, Bill McAllister, said, "The rule helps."', "Bill McAllister"),
        ('"The rule helps," Det. Sgt. John Fanning said.', "John Fanning"),
        # Every title the sentence splitter knows, one or several, after the cue too.
        ('"We will rebuild," said Msgr. Michael Farmer.', "Michael Farmer"),
        ('"We looked," said Det. Insp. John Smith.', "John Smith"),
        ('"We left," said Lt. Col. Ann Lee.', "Ann Lee"),
        ('"We act," said NATO Secretary-General Javier Solana.', "Javier Solana"),
        ('"We stand with them," said Greek prime minister George Papandreou.', "George Papandreou"),
        ('"We stand with them," said Greek prime minister Papandreou.', "Papandreou"),
        ('"Yes" -- White House press secretary Jen Psaki', "Jen Psaki"),
        (
            '"We act," said Secretary-General of the United Nations Antonio Guterres.',
            "Antonio Guterres",
        ),
        ('"We act," said Head of the Delegation John Smith.', "John Smith"),
        ('"We act," said Minister of the Environment Li Ganjie.', "Li Ganjie"),
        ('"We will act," said Head of the Chinese Delegation Zhou Shengxian.', "Zhou Shengxian"),
        ('"We are ready," said Secretary of the Communist Party Xi Jinping.', "Xi Jinping"),
        ('"We care," said Secretary of Health Alex Azar.', "Alex Azar"),
        # A title no list holds: two or more capitalised words before a given name.
        ('Public Defender Peter Lynch rose. "He is the patsy," Lynch said.', "Peter Lynch"),
        ('"Talk to him," Police Constable Tim Fanning said.', "Tim Fanning"),
        ('"We agree," said Kwame Anthony Appiah.', "Kwame Anthony Appiah"),
        # A job known by its ending, after an organisation.
        ('"Run," said Trend Micro advanced threat researcher Paul Ferguson.', "Paul Ferguson"),
        ('"It is over," said Cuban journalist Luis Baez.', "Luis Baez"),
        ('"It is fine," said Smith after John Doe spoke.', "Smith"),
        # A capitalised word before a lower-case one describes the speaker.
        ('"We will win," Chinese state media reported on Monday.', "Chinese state media"),
        ('"They do not want to play," one U.S. crew chief said.', "one U.S. crew chief"),
        ('Where "Tony Ducks" Corallo also died, the newspaper said.', "the newspaper"),
        # A person the article numbers; a company suffix the sentence splitter knows.
        ('"Everyone was respectful," said Juror No. 8, one of six women.', "Juror No. 8"),
        ('"We tried," Juror No. 12 said.', "Juror No. 12"),
        ('"We won," said an Acme Ltd. spokeswoman.', "an Acme Ltd. spokeswoman"),
        # Titles that tell a pronoun who it is, "Miss" among them.
        ('Miss Rachel Bates spoke. "He is dangerous," Miss Bates said.', "Rachel Bates"),
        ('Bombs fell. Mr Obama spoke on Tuesday. "We act," he said.', "Mr Obama"),
        ('Bombs fell. Ms Ardern spoke on Tuesday. "We act," she said.', "Ms Ardern"),
        ('"I look in the mirror every day," King said.', "King"),
        ('"I look in the mirror every day," the King said.', "the King"),
    ],
)
def test_titles_and_offices_around_the_speaker_name(text: str, speaker: str) -> None:
    (quote,) = find_quotes(text)
    assert quote.speaker == speaker


def test_quote_split_over_lines_with_a_tokenised_closing_mark() -> None:
    # One sentence per line, spaces around marks: the closing mark after "weaken it," looks like
    # an opening one, but only an attribution follows it.
    text = (
        "President Barack Obama said the process had been undermined.\n"
        '"For more than three decades, the Endangered Species Act has protected wildlife.\n'
        'We should be looking for ways to improve it, not weaken it, "Obama said.\n'
        "Other news followed."
    )
    (quote,) = find_quotes(text)
    assert quote.text.startswith('"For more') and quote.text.endswith('weaken it, "')
    assert not quote.unbalanced
    assert quote.speaker == "Barack Obama"
    # Without the attribution the first quote stays unclosed at its line's end.
    cut = text.replace('"Obama said.', '"What now?" he asked.')
    first = find_quotes(cut)[0]
    assert first.unbalanced and first.text.endswith("wildlife.")


def test_tokenised_closing_mark_inside_a_line_closes_before_its_attribution() -> None:
    (quote,) = find_quotes('"The man is petrified, "Judge Vincent DelGiudice said.')
    assert quote.text == '"The man is petrified, "'
    assert (quote.speaker, quote.unbalanced) == ("Vincent DelGiudice", False)


def test_tokenised_mark_before_a_split_quotes_attribution_closes_its_first_half() -> None:
    # '"X, "Obama said, "and Y."': the spaced mark after "today," closes, the attribution
    # splits the quote, and its second half (lower case) is no partial quote.
    text = (
        "Obama spoke in the Interior Department.\n"
        '"We can grow our economy today, "Obama said, "and preserve the environment for '
        'our grandchildren."\n'
    )
    first, second = find_quotes(text)
    assert first.text == '"We can grow our economy today, "'
    assert second.text.startswith('"and preserve') and second.text.endswith('grandchildren."')
    assert (first.speaker, second.speaker) == ("Obama", "Obama")
    assert not first.unbalanced and not second.partial
    # Only an attribution between them joins two fragments: a comma-ended gap without a cue
    # leaves the second a partial quote.
    _, tragedies = find_quotes('He read "Hamlet," then Lear, "all tragedies" in his view.')
    assert tragedies.partial


def test_a_fragment_has_no_speaker_where_its_sentence_opens_with_an_ordinary_word() -> None:
    text = (
        'Whatever the resolution, whoever wins can be a true "genius" on taxes.\n\n'
        'Following an outcry from victims\' groups, the bill, known as the "justice act", passed.\n\n'
        'Trump admires Putin as a "strong leader" and says so. Trump repeated it on Monday.'
    )
    genius, act, leader = find_quotes(text)
    assert (genius.text, genius.speaker) == ('"genius"', None)
    assert (act.text, act.speaker) == ('"justice act"', None)
    # A name the text also writes inside a sentence still holds the view its sentence gives.
    assert leader.speaker == "Trump"


def test_it_names_the_thing_a_scare_quote_is_about_not_its_speaker() -> None:
    text = (
        'Police chased the car across the border. It was called "hot pursuit" by nobody.\n\n'
        'It\'s the "last sour note" of a long season.'
    )
    assert [(q.text, q.speaker) for q in find_quotes(text)] == [
        ('"hot pursuit"', None),
        ('"last sour note"', None),
    ]


def test_points_out_is_a_cue() -> None:
    (quote,) = find_quotes(
        'The study came out on Monday. Jane Smith also pointed out that "the penalties are weak."'
    )
    assert (quote.speaker, quote.cue) == ("Jane Smith", "pointed out")


def test_a_pronoun_speaker_is_the_last_person_opening_a_clause_not_a_place_or_an_object() -> None:
    # The woman named last in full is the producer, and a clinic is named after "Reid"
    # opens a clause: the surname, given in full earlier, is whom "she" means.
    text = (
        "Tara Reid has checked herself into a clinic, her publicist said.\n\n"
        "Her reality series, produced by Lisa Gregorisch, followed her to exotic places.\n\n"
        "Somehow, Reid managed to mess up the easiest job ever. This week she entered "
        "Promises Treatment Center in Malibu.\n\n"
        '"It was a mess," she said of the show.'
    )
    (mess,) = find_quotes(text)
    assert mess.speaker == "Tara Reid"
    text = (
        "Mr. Gomes Silva was released in 2008. Ms. Mendes was the victim in that case, and "
        "the court heard that Gomes had threatened Mendes.\n\n"
        '"You\'re never going to leave me," he told her.'
    )
    (leave,) = find_quotes(text)
    assert leave.speaker == "Gomes Silva"  # "Ms. Mendes" is no "he"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # The writer's sentence goes on past the fragment: the last clause's subject speaks...
        (
            'Commandos seized "a substantial cache of arms," including seven AK-47 rifles, three '
            "machine guns and other weapons, the statement said.",
            "the statement",
            "said",
        ),
        (
            'Mr. LaCalamita, who was listed as a member of its "professional staff," had been '
            "dismissed last week, the police said.",
            "the police",
            "said",
        ),
        # ...or the subject after an inverted cue.
        (
            'The result will be "erroneous findings" by agencies, argued the NRDC.',
            "the NRDC",
            "argued",
        ),
        # A preposition's object is not the subject.
        (
            "In a Monday statement President Obama said he would nominate Dr. Regina Benjamin, "
            'the government\'s "chief health educator."',
            "Obama",
            "said",
        ),
        (
            'Johnnie Wilson, of Springfield, Va., said he fought "for the nation\'s rights."',
            "Johnnie Wilson",
            "said",
        ),
        # A capitalised modifier belongs to its role noun.
        (
            'The rule barred reviews over "global processes" such as climate change, an Interior '
            "official speaking on the condition of anonymity said.",
            "an Interior official",
            "said",
        ),
    ],
)
def test_the_speaker_is_the_subject_of_the_cue_not_a_nearby_noun(
    text: str, speaker: str, cue: str
) -> None:
    (quote,) = find_quotes(text)
    assert (quote.speaker, quote.cue) == (speaker, cue)


def test_full_names_skip_dashes_and_an_organisation_running_into_the_name() -> None:
    text = (
        "The suspect, Gary Gomes, 35, was arrested. The victims were Robyn Mendes, 48-an "
        "ex-girlfriend of Mr. Gomes-and Catherine Gomes, 61, his mother.\n\n"
        '"You\'re never going to leave me," Mr. Gomes told her.\n\n'
        "Donald Trump spoke on Monday. In a meeting with the editors of the Washington Post Trump "
        "said that NATO cost too much.\n\n"
        '"We certainly can\'t afford to do this anymore," Trump said.'
    )
    leave, obsolete = find_quotes(text)
    assert leave.speaker == "Gary Gomes"
    assert obsolete.speaker == "Donald Trump"


def test_a_participle_after_a_comma_belongs_to_the_clause_before_it() -> None:
    (subdued,) = find_quotes(
        "LaCalamita said nothing after officers surrounded him, Sheriff Robert Pickell said, "
        'describing the suspect as "subdued."'
    )
    assert (subdued.speaker, subdued.cue) == ("Robert Pickell", "describing")
    # A "that" clause whose subject is a thing does not speak: the sentence's subject does.
    (unique,) = find_quotes(
        "In Brussels, European Union officials tried to calm fears that Greece's debt crisis was "
        'spreading, insisting it was a "unique case".'
    )
    assert unique.speaker == "European Union officials"


def test_a_short_noun_phrase_before_a_participle_cue_is_its_speaker() -> None:
    (terrible,) = find_quotes(
        'The talks went badly, an inside source calling them "a terrible experience" for all.'
    )
    assert (terrible.speaker, terrible.cue) == ("an inside source", "calling")
    # An -ing adjective does not make the words before it ("a flirtatious") a speaker.
    # An -ing word inside a noun phrase ("a flirtatious singing barker") is no cue at all,
    # and a show's title quotes nobody.
    (carousel,) = find_quotes(
        'He can be a mutant hero, a flirtatious singing barker in "Carousel".'
    )
    assert (carousel.speaker, carousel.cue) == (None, None)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('The former first lady called the vote "a mistake" on Monday.', "The former first lady"),
        (
            'Several environmental groups called the "start-up capital" short.',
            "Several environmental groups",
        ),
        ('A Post editor dubbed him "Deep Throat" that year.', "A Post editor"),
        # A descriptor that has its noun keeps it: the name after it is the person.
        ('Her agent Mark Roesler siad the star was "a legend".', "Her agent Mark Roesler"),
    ],
)
def test_a_descriptor_runs_to_its_noun_past_its_modifiers(text: str, speaker: str) -> None:
    (quote,) = find_quotes(text)
    assert quote.speaker == speaker


def test_a_stretch_of_time_is_no_speaker_of_a_fragment() -> None:
    # (Lower case: a title-case fragment names a work and gets no speaker on that ground alone.)
    (fans,) = find_quotes("The last five days have been a wild ride for ``twilight fans''.")
    assert fans.speaker is None
    # A paper whose name ends in "Times" still speaks.
    (source,) = find_quotes(
        "In its report on his death, the New York Times called him ``the most famous source.''"
    )
    assert source.speaker == "the New York Times"


def test_a_title_in_quotation_marks_is_nobodys_words() -> None:
    # A film title is no quotation: neither the sentence's subject nor the paragraph's speaker
    # said it. A title named with a cue is still attributed.
    text = (
        "Anna Lind directed the thriller “The Silent Harbour” before moving to television.\n\n"
        "“It was hard work,” said Tom Reyes, who starred in “Night Train.”\n\n"
        "A Times review hailed Lind as “The Next Hitchcock” in 2019."
    )
    quotes = find_quotes(text)
    assert only(quotes, "Silent Harbour").speaker is None
    assert only(quotes, "Night Train").speaker is None
    assert only(quotes, "hard work").speaker == "Tom Reyes"
    assert only(quotes, "Next Hitchcock").speaker == "A Times review"
    # A fragment in ordinary words keeps the sentence's subject as its speaker.
    text = "Senator Mara Quill dismissed the plan as “a gift to polluters” on Monday."
    assert only(find_quotes(text), "gift").speaker == "Mara Quill"


def test_a_pronoun_passes_over_names_inside_quotation_marks() -> None:
    text = (
        "The novelist Ruth Kemper wrote to her readers on Sunday.\n"
        "Her next book follows ``Blue Harvest.''\n"
        "``I'm glad the story goes on,'' she wrote."
    )
    assert only(find_quotes(text), "glad").speaker == "Ruth Kemper"


def test_a_name_used_as_a_modifier_keeps_its_noun() -> None:
    text = "The Bush administration called the rule a “back-door” change."
    assert only(find_quotes(text), "back-door").speaker == "The Bush administration"
    text = "The former Republican vice presidential candidate has faced “undeserved attention.”"
    quote = only(find_quotes(text), "undeserved")
    assert quote.speaker == "The former Republican vice presidential candidate"


def test_a_number_or_an_adverb_opening_the_sentence_is_no_speaker() -> None:
    text = "Ninety percent of the funds went to “initiative groups” last year."
    assert only(find_quotes(text), "initiative").speaker is None
    text = "Too often the pictures were called “obscene and lewd.”"
    assert only(find_quotes(text), "obscene").speaker is None


def test_a_pronoun_means_the_person_who_opened_a_sentence_since_the_last_speaker() -> None:
    text = (
        "“The budget is sound,” said Ann Lee, the treasurer.\n\n"
        "Tom Baker, the mayor, disagreed with the figures.\n\n"
        "“We cannot pay for it,” he said.\n\n"
        "Later, the council heard from residents. Mills said the plan had failed before. "
        "The town's engineer, Peter Mills, runs the works department.\n\n"
        "“It will not hold,” he said."
    )
    quotes = find_quotes(text)
    assert only(quotes, "sound").speaker == "Ann Lee"
    assert only(quotes, "cannot pay").speaker == "Tom Baker"
    assert only(quotes, "not hold").speaker == "Peter Mills"


def test_a_pronoun_keeps_the_last_speaker_over_names_inside_quotes() -> None:
    # "Mark Davis" opens a sentence since the last speaker, but inside a banner's words.
    text = (
        "“The budget is sound,” said Tom Lee, the treasurer.\n\n"
        "A banner at the meeting read: “Vote No. Mark Davis lied to you.”\n\n"
        "“We will pass it anyway,” he said."
    )
    assert only(find_quotes(text), "pass it").speaker == "Tom Lee"
    # With no speaker yet, the person named last is not one named in a quotation either.
    text = (
        "Tom Lee coached the team to a win on Saturday. The local paper called it “the best "
        "night since Mark Davis retired.”\n\n"
        "“We earned this,” he said."
    )
    assert only(find_quotes(text), "earned").speaker == "Tom Lee"


def test_she_is_not_the_man_named_last_but_the_woman_named_before() -> None:
    text = (
        "“We will not back down,” said Barack Obama at the town hall.\n\n"
        "During the event, Tina Houchins had a question for the president.\n\n"
        "“As a mother, my son gave his life for this country,” she said.\n\n"
        "“Why will you not say the words?”"
    )
    quotes = find_quotes(text)
    assert only(quotes, "back down").speaker == "Barack Obama"
    assert only(quotes, "my son gave").speaker == "Tina Houchins"


def test_a_shared_surname_is_resolved_by_the_pronouns_gender() -> None:
    # "Cruz said" is read as Heidi Cruz, the full mention just before; "he" then means the Cruz
    # who is a man, not Donald Trump, the last man opening a sentence.
    text = (
        "Sen. Ted Cruz spoke to delegates. Heidi Cruz, his wife, sat in the front row. "
        "Donald Trump had attacked her in March.\n\n"
        "“I will not support people who attack my wife,” Cruz said in July.\n\n"
        "“The day that was abrogated was the day this became personal,” he said."
    )
    assert only(find_quotes(text), "abrogated").speaker == "Ted Cruz"


def test_a_relative_named_beside_the_subject_does_not_take_the_surname() -> None:
    # "his wife, Heidi Cruz": news calls the relative "Heidi" from then on; "Cruz" is still Ted.
    text = (
        "Sen. Ted Cruz spoke to delegates. Donald Trump had attacked his wife, Heidi Cruz, in "
        "March.\n\n"
        "“I will not support people who attack my wife,” Cruz said in July."
    )
    assert only(find_quotes(text), "my wife").speaker == "Ted Cruz"
    text = (
        "Former President Bill Clinton campaigned in Flint for his wife Hillary Clinton.\n\n"
        "“The insurance model doesn’t work here,” Clinton said."
    )
    assert only(find_quotes(text), "insurance model").speaker == "Bill Clinton"


def test_a_pronoun_finds_a_person_behind_descriptive_words_but_keeps_whole_given_names() -> None:
    # "Actor" describes him (the text writes "actor" too); "Rose" is her given name, though
    # the text writes "rose" as well.
    text = (
        "Actor Leonardo DiCaprio spoke at the premiere. Every actor there had a story.\n\n"
        "“It was a long shoot,” he said."
    )
    assert only(find_quotes(text), "long shoot").speaker == "Leonardo DiCaprio"
    text = (
        "Rose Marie Reid opened the shop in May. The rose garden was her idea.\n\n"
        "“We will stay,” she said."
    )
    assert only(find_quotes(text), "We will stay").speaker == "Rose Marie Reid"


def test_a_day_is_never_a_speaker_and_a_statement_introduction_gives_its_maker() -> None:
    text = (
        "Hillary Clinton spoke out Tuesday about the death of a man in Tulsa.\n"
        "On Tuesday’s episode of “The Steve Harvey Morning Show,” the former secretary of state "
        "and current Democratic presidential nominee said she wanted to speak “directly to white "
        "people” about it."
    )
    speaker = only(find_quotes(text), "white people").speaker
    assert speaker is None
    text = (
        "On July 6, 2015, Sanders made the following comment:\n\n"
        "“For young people who have left school, the unemployment rate is 33 percent.”"
    )
    quote = only(find_quotes(text), "young people")
    assert (quote.speaker, quote.cue) == ("Sanders", "comment")
    # Whatever stands before the noun, it is the noun of what was made, not a speaker's verb.
    for intro in ("Sanders made a brief comment:", "Sanders gave his usual reply:"):
        quote = only(find_quotes(intro + "\n\n“We will win.”"), "We will win")
        assert quote.speaker == "Sanders", intro
    assert only(find_quotes("My favourite quip:\n\n“Oscar is 80.”"), "Oscar").speaker is None


def test_a_pronoun_with_no_fitting_person_stays_a_pronoun() -> None:
    text = (
        "“The numbers are final,” said John Baker, the analyst.\n\n"
        "“It was a good year for us,” she said."
    )
    assert only(find_quotes(text), "good year").speaker == "she"


def test_a_participle_opening_the_sentence_is_not_the_pronouns_antecedent() -> None:
    text = (
        "“She is a fine doctor,” Msgr. Michael Farmer said.\n\n"
        "Expressing certainty that she could have left, he said the doctor made "
        "a “concrete decision” to stay."
    )
    assert only(find_quotes(text), "concrete").speaker == "Michael Farmer"


def test_a_country_adjective_before_a_lower_case_title_is_not_the_speaker() -> None:
    text = (
        "Greek prime minister George Papandreou condemned the killings, saying: "
        "“A demonstration is one thing and murder is quite another.”\n\n"
        "He added: “We will stand alongside the families.”"
    )
    quotes = find_quotes(text)
    assert only(quotes, "demonstration").speaker == "George Papandreou"
    assert only(quotes, "families").speaker == "George Papandreou"


def test_a_pronoun_is_never_a_war_a_place_or_a_films_title() -> None:
    text = (
        "MIDWAY ATOLL - A naval battle off this atoll changed the course of World War II, "
        "and the 2005 film The Notorious Bettie Page ran in Los Angeles.\n\n"
        "“And they're terrifying,” he said in a recent interview."
    )
    assert only(find_quotes(text), "terrifying").speaker == "he"


def test_a_clause_between_the_subject_and_its_verb_before_a_quote() -> None:
    text = (
        "The minister, speaking to the BBC on Sunday, said: “We have no plan to raise taxes.”\n\n"
        "A police officer, who asked not to be named, said the gunman was “known to us”.\n\n"
        "Angela Merkel's spokesman, Steffen Seibert, told reporters: “The chancellor is in "
        "close contact with the president.”"
    )
    quotes = find_quotes(text)
    assert (only(quotes, "raise taxes").speaker, only(quotes, "raise taxes").cue) == (
        "The minister",
        "said",
    )
    assert only(quotes, "known to us").speaker == "A police officer"
    assert only(quotes, "close contact").speaker == "Steffen Seibert"


def test_a_named_body_before_a_persons_apposition_is_only_where_they_work() -> None:
    text = (
        "The U.S. ambassador to the United Nations, Linda Thomas-Greenfield, called the vote "
        "“a historic moment.”"
    )
    assert only(find_quotes(text), "historic").speaker == "Linda Thomas-Greenfield"


def test_an_office_word_is_part_of_a_title_only_after_the_title_and_of() -> None:
    text = (
        "The International Atomic Energy Agency said the test showed “complete disregard”.\n\n"
        "“We will not be moved,” said Labor Party MP Bill Shorten.\n\n"
        "Secretary of the Interior Ken Salazar said the rule was “a mistake”."
    )
    quotes = find_quotes(text)
    assert only(quotes, "disregard").speaker == "The International Atomic Energy Agency"
    assert only(quotes, "not be moved").speaker == "Bill Shorten"
    assert only(quotes, "a mistake").speaker == "Ken Salazar"
    # A name found on its own, after its title (the title stands before the span): a pronoun's.
    text = 'Secretary of the Interior Ken Salazar spoke on Monday.\n\n"The rule helps," he said.'
    assert only(find_quotes(text), "rule helps").speaker == "Ken Salazar"


def test_a_new_statement_after_a_quote_does_not_take_its_credit() -> None:
    text = "Ann Lee said: “We will not back down.” She added that talks would continue."
    [quote] = find_quotes(text)
    assert (quote.speaker, quote.cue) == ("Ann Lee", "said")
    text = "Ann Lee said: “We will not back down.” Talks would continue, she added."
    assert find_quotes(text)[0].speaker == "Ann Lee"
    # With nothing before the quote, the next statement's speaker is the likeliest one.
    text = "“We will not back down.” She added that talks would continue."
    assert find_quotes(text)[0].speaker == "She"
    # A plain credit after the quote is still the quote's.
    text = "Ann Lee spoke first. “We will not back down.” Bob Smith said."
    assert find_quotes(text)[0].speaker == "Bob Smith"


def test_a_passive_after_a_fragment_names_no_speaker() -> None:
    [quote] = find_quotes("The “special relationship” was mentioned twice.")
    assert quote.partial
    assert quote.speaker is None


def test_a_relative_clauses_verb_is_not_the_cue() -> None:
    [quote] = find_quotes("“We had no warning,” one resident, who asked not to be named, said.")
    assert (quote.speaker, quote.cue) == ("one resident", "said")


def test_a_descriptor_after_the_cue_keeps_its_abbreviations_and_gives_its_name() -> None:
    text = "“It was a bomb,” said a U.S. Embassy official in Nairobi."
    assert find_quotes(text)[0].speaker == "a U.S. Embassy official"
    text = "“No comment,” said the Acme Inc. spokesman."
    assert find_quotes(text)[0].speaker == "the Acme Inc. spokesman"
    text = "“So far, so good,” said a buoyant Gen. Norman Schwarzkopf."
    assert find_quotes(text)[0].speaker == "Norman Schwarzkopf"
    text = "“We won,” said the U.S. Deputy Ambassador Peter Burleigh."
    assert find_quotes(text)[0].speaker == "Peter Burleigh"
    # An organisation ending the descriptor is no person's name.
    text = "“We are eager,” said the spokesperson for the National Security Council."
    assert find_quotes(text)[0].speaker == "the spokesperson for the National Security Council"
    # Words after the cue that run into a quotation are a clause, not a speaker.
    text = "Baker, on “This Week,” said the request gives the U.S. “a legal basis.”"
    assert [q.speaker for q in find_quotes(text)] == [None, None]


def test_he_can_mean_a_person_the_text_names_only_by_title_and_surname() -> None:
    text = 'Bombs fell. Mr. Obama has seen the charts. "They are terrifying," he said.'
    assert find_quotes(text)[0].speaker == "Mr. Obama"
    # The title also says whom the pronoun cannot mean.
    text = 'Bombs fell. Mrs. Clinton has seen the charts. "They are terrifying," he said.'
    assert find_quotes(text)[0].speaker == "he"


def test_a_company_name_ending_in_an_abbreviation_is_a_subject() -> None:
    text = "Acme Corp., one of the largest firms, said it would “fight the ruling.”"
    assert find_quotes(text)[0].speaker == "Acme Corp."
    text = "CMS Energy Corp. said its dividend would be reinstated at a “modest level” soon."
    assert find_quotes(text)[0].speaker == "CMS Energy Corp."


def test_it_is_the_body_its_sentence_is_about() -> None:
    text = "The Security Council on Friday condemned the test, what it called “a clear threat.”"
    assert find_quotes(text)[0].speaker == "The Security Council"
    # "It" opening the next sentence goes on from the body that spoke last.
    text = "The ministry said in a statement: “Stay indoors.” It added: “Stay calm.”"
    assert [q.speaker for q in find_quotes(text)] == ["The ministry", "The ministry"]
    # Not another "it".
    text = "It’s denouncing what it calls “the biggest media attack in history.”"
    assert find_quotes(text)[0].speaker == "it"


def test_every_abbreviated_title_is_left_out_of_the_name() -> None:
    for title in ("Sen.", "Del.", "Sec.", "Msgr."):
        [quote] = find_quotes(f"“We will win,” said {title} John Kerry.")
        assert quote.speaker == "John Kerry", title


def test_a_name_inside_a_quotation_is_no_pronouns_person() -> None:
    text = (
        "John Smith, the mayor, resigned on Monday. Tom Brown spoke at the rally.\n\n"
        '"We were lied to. Smith knew everything," the crowd chanted. "We are not afraid," he said.'
    )
    assert only(find_quotes(text), "not afraid").speaker == "Tom Brown"


def test_a_cue_word_before_a_noun_is_no_verb() -> None:
    [quote] = find_quotes('"We will win," Chinese state media reported on Monday.')
    assert (quote.speaker, quote.cue) == ("Chinese state media", "reported")
    [quote] = find_quotes('"Enough," John Smith, a former state senator, told reporters.')
    assert (quote.speaker, quote.cue) == ("John Smith", "told")
    [quote] = find_quotes('The rules state: "No entry."')
    assert quote.cue == "state"


@pytest.mark.parametrize(
    ("name", "pronoun"),
    [
        ("Nicola Sturgeon", "she"),
        ("Marion Barry", "he"),
        ("Sidney Powell", "she"),
        ("Tracy Morgan", "he"),
        ("Hilary Swank", "she"),
        ("Evelyn Waugh", "he"),
    ],
)
def test_a_name_given_to_men_and_women_fits_either_pronoun(name: str, pronoun: str) -> None:
    text = f'Bombs fell. {name} spoke on Tuesday. "We will hold a vote," {pronoun} said.'
    [quote] = find_quotes(text)
    assert quote.speaker == name
