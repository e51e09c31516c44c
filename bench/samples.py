"""Built-in drafts, used when the shared corpus is not beside the repository.

Written to read like what radiologists and medical physicists post: conference chatter,
job adverts, cases, opinions, with hashtags, emoji, handles and line breaks. Some break a
policy (no disclaimer, a patient detail, an endorsement) so that the rules have work to do.
"""

SAMPLE_DRAFTS: tuple[str, ...] = (
    "Great first day at #ICIS2025 in Glasgow 🏴󠁧󠁢󠁳󠁣󠁴󠁿 Fantastic session on whole-body MRI for myeloma "
    "staging. Slides from my talk on DWI quantification are on my profile.\n\n#radiology #MRI",
    "As a member of ICIS council I think the new guidance on contrast reactions is simply wrong. "
    "We should be telling trainees to ignore it until it is rewritten 😤",
    "Interesting case this morning: 47-year-old teacher from Penrith, seen in our department on "
    "Tuesday with a 3 cm lesion in the left adrenal. Washout 68%. Adenoma? Thoughts welcome 👇\n"
    "#radiology #CaseOfTheDay",
    "Proud to be on the @IPEM_Official working party for the new MRI safety guidance. The draft "
    "goes out for consultation next month – please read it and send comments!\n\n"
    "#MedicalPhysics #MRIsafety",
    "Views my own. 🙂 Spent the whole afternoon commissioning the new CT scanner: CTDIvol within "
    "4% of the console on every protocol, noise power spectrum looks lovely. Physics FTW 📈",
    "Hiring! 🚀 Our department is looking for a Band 7 clinical scientist (diagnostic radiology). "
    "Flexible working, great team, research time. DM me or apply via NHS Jobs.\n#MedicalPhysics #jobs",
    "The @RCRadiologists census is out again and the numbers are grim: we are short of consultant "
    "radiologists in every region. Reporting backlogs are not a workforce plan. #RCR #NHS",
    "Honoured to have been elected to the BSCI committee 🙏 Looking forward to working on the "
    "trainee programme with @BSCI_UK colleagues. As committee member I can say we will fix the "
    "exam fees this year.",
    "Buy the new AcmeView workstation, it's the best on the market and I would know – I use it "
    "every day. Use my code RAD10 for 10% off 😉 #radiology #AI",
    "Thread 🧵 on why your dose audit is probably wrong:\n\n1/ DRLs are not limits.\n2/ Median, "
    "not mean.\n3/ Patient size matters more than you think.\n4/ Talk to your physicist!\n\n"
    "#IPEM #RadiationProtection",
    "Reminder that ICIS abstracts close on Friday ⏰ Oncology imaging, AI, therapy response – all "
    "welcome. https://www.icimagingsociety.org.uk\n#ICIS #CancerImaging",
    "Some of the referral letters I saw today... honestly, some GPs should not be allowed near a "
    "request form 🙄 #radiology #rant",
    "Lovely to catch up with old friends at the RCR annual conference. Great talk on "
    "interventional oncology; the pre-conference course on prostate MRI was worth the trip alone "
    "👏\n\nPersonal views, not those of my employer.",
    "Patient NHS number 943 476 5919 – anyone know why PACS will not merge these two studies? "
    "IT have been no help all week. #PACS #NHS",
    "New paper out! 🎉 Our phantom study of ADC repeatability across 12 scanners from 3 vendors is "
    "published today. Open access, link in bio. Thanks to all co-authors and to IPEM for the "
    "small grant that started it.",
    "Honest question for #MedicalPhysics twitter: who else thinks the IR(ME)R entitlement "
    "paperwork has become a box-ticking exercise? Asking as an MPE, not on behalf of anyone 🤔",
)
